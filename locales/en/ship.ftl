# The debug log (RUNAROUND_LOG).
log-bad-level = RUNAROUND_LOG={ $value } is not debug, info, warn or off: no debug log is written
log-no-dir = there is no home directory to keep the debug log in: no debug log is written
log-cannot-write = the debug log { $path } cannot be written ({ $error }): runaround goes on without it
