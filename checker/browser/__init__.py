"""The in-browser checker: views and state shared by the build (pre-rendering) and PyScript."""
