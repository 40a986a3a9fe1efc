"""Every exit status of ``peertui``, in one place (the README's table lists the same).

| status | meaning |
|---|---|
| 0 | done |
| 1 | not yet, or not done on purpose: ``check`` found errors, a certificate is not earned yet, a question was answered no (or could not be asked without ``--yes``), Ctrl+C |
| 2 | usage or bad input: an unknown option or command, a missing or invalid value (click's errors, in Danish); a group or file that is not there, a file that exists, a damaged import, a data folder that cannot be used, an unexpected error (one calm line, never a traceback) |
| 141 | stdout was closed early (``peertui data info \\| head -1``): nothing more is printed |
"""  # noqa: E501

from __future__ import annotations

EXIT_OK = 0
EXIT_NOT_YET = 1
EXIT_CANCELLED = EXIT_NOT_YET
EXIT_NOT_READY = EXIT_NOT_YET
EXIT_USAGE = 2
EXIT_ERROR = 2
# What a shell reports for a program killed by SIGPIPE (128 + 13), so peertui looks like any
# other Unix tool in a pipeline (``set -o pipefail`` sees it as a failure). Nothing is printed:
# the reader stopped reading on purpose; no data was touched.
EXIT_BROKEN_PIPE = 141
