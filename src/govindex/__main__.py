import sys

from govindex.cli import main

sys.exit(main())
