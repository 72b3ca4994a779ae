import sys

from latgale_di.cli import main

sys.exit(main())
