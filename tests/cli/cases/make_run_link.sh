# `make deps run` leaves the ./crmroi link in place, so that the README's
# next command (./crmroi ...) works after the quick start. (Run apart from the
# make that runs the tests, whose variables would otherwise reach it.)
env -u SANITIZE -u BUILD -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -n -B run 2>/dev/null |
	grep -c 'ln -sf build/crmroi crmroi'
