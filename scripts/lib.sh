# Shared helpers of the project scripts (sourced, not run).
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

# apt_ensure CMD PACKAGE...: installs the Debian packages when CMD (a command or a path) is missing.
apt_ensure() {
  local probe=$1; shift
  if command -v "$probe" >/dev/null 2>&1 || [ -e "$probe" ]; then return 0; fi
  if is_root && command -v apt-get >/dev/null; then
    say "installing $*"
    [ -n "${APT_UPDATED:-}" ] || { apt-get update -qq; APT_UPDATED=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    die "missing: $* (Debian: sudo apt-get install $*)"
  fi
}
