#!/usr/bin/env python3
"""Build the back-issue archive: `python build.py --help`."""
import sys

from backissues.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
