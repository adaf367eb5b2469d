"""The command line: `policy-checker` (cli), its golden-case runner, rules diff, new shop and
preview, the plain docs tree, and the publishing build. The top of the house."""
