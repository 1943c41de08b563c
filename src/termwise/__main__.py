"""``python -m termwise``: the same command line as the ``termwise`` script, for a Python
that has termwise on its path but no script on ``PATH`` (a checkout run with PYTHONPATH)."""

from termwise.cli import main

if __name__ == "__main__":
    main()
