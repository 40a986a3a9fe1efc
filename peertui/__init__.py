"""peertui: run peer-support group meetings from a terminal."""

import logging

__version__ = "0.1.0"

# peertui logs for developers (e.g. "damaged data file ..."), never for the user: without a
# handler, Python's "last resort" handler would print those English lines on stderr. An app
# or test that configures logging still gets them (they propagate to the root logger).
logging.getLogger("peertui").addHandler(logging.NullHandler())
