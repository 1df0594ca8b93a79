"""``python -m wxkefu_ext.cli`` = ``wxkefu``."""

import sys

from wxkefu_ext.cli import main

sys.exit(main())
