"""Reading the rules: safe YAML with line numbers and its errors in the reader's words, the
schema check, case files, and the national and shop calendars. The bottom of the CPython side."""
