"""``python -m govindex.cli``: the command line."""

import sys

from govindex.cli import main

sys.exit(main())
