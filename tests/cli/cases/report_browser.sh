# The document printed by a real headless Chromium and read back (see tests/report/browser.sh).
sh tests/report/browser.sh
