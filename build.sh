#!/usr/bin/env bash
# MicroOrm's build script. On a fresh Debian or Ubuntu machine each entry point installs what is missing, then runs.
#
#   bash build.sh demo [task] [args...]   run the demo (default: the tour of every task)
#   bash build.sh test                    build and run every test against a real server
#   bash build.sh bench [options]         run the benchmarks (see benchmarks/README in the README's Benchmarks section)
#   bash build.sh pack [--output DIR] [--version V]   pack MicroOrm (with symbols) and MicroOrm.Tool from the committed HEAD
#   bash build.sh test-summary            print "tests: N passed, N failed" from the last test run
#
# The server: MICROORM_CONNECTION_STRING when set; otherwise the tests and the demo start a throwaway MariaDB from
# the machine's mariadbd (installed here from Debian's mariadb-server package when missing) and remove it afterwards.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
results="$root/artifacts/test-results"

say() { printf '%s\n' "$*" >&2; }
fail() { say "error: $*"; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    fail "installing packages needs root: run this as root, or install sudo"
  fi
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    fail "the .NET 10 SDK is not installed: get it from https://dotnet.microsoft.com/download/dotnet/10.0 (on Debian/Ubuntu: https://learn.microsoft.com/dotnet/core/install/linux), then run this again"
  fi
  if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    fail "the .NET 10 SDK is required (found: $(dotnet --list-sdks 2>/dev/null | tr '\n' ' ')): get it from https://dotnet.microsoft.com/download/dotnet/10.0"
  fi
}

have_server_programs() {
  local folder
  for folder in ${PATH//:/ } /usr/sbin /usr/local/sbin /usr/libexec; do
    if [ -x "$folder/mariadbd" ] || [ -x "$folder/mysqld" ]; then
      return 0
    fi
  done
  return 1
}

# The package index counts as stale when it is missing or older than a day.
apt_index_is_stale() {
  local newest
  newest=$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -n 1)
  [ -z "$newest" ]
}

# Installs Debian packages, refreshing a stale package index first.
apt_install() {
  if apt_index_is_stale; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || fail "apt-get update failed; check the machine's package sources"
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# The demo needs a server: the one in MICROORM_CONNECTION_STRING, or a throwaway MariaDB.
require_server() {
  if [ -n "${MICROORM_CONNECTION_STRING:-}" ]; then
    say "Using the server in MICROORM_CONNECTION_STRING."
    return
  fi
  require_server_programs
}

# Galera's provider library, wherever the distribution puts it (the same places MicroOrm.Servers looks).
have_galera_provider() {
  local file
  for file in /usr/lib/galera/libgalera_smm.so /usr/lib/galera-4/libgalera_smm.so /usr/lib64/galera-4/libgalera_smm.so \
      /usr/lib64/galera/libgalera_smm.so /usr/lib/libgalera_smm.so /usr/lib64/libgalera_smm.so /usr/lib/*-linux-gnu/galera/libgalera_smm.so \
      /usr/local/lib/galera/libgalera_smm.so /usr/local/lib/galera-4/libgalera_smm.so; do
    [ -f "$file" ] && return 0
  done
  return 1
}

# The tests always need the server programs: besides the run's server, some tests start servers of their own
# (stopped and restarted, with TLS certificates made by openssl), and the topology tests start a replica pair and a
# three-node Galera cluster, which needs the galera-4 provider, and rsync and ss (iproute2) for a joining node's data.
# Debian's mariadb-server depends on all three, but a machine whose MariaDB came otherwise, or without them, gets them here.
require_test_tools() {
  require_server_programs
  local missing=()
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  have_galera_provider || missing+=(galera-4)
  command -v rsync >/dev/null 2>&1 || missing+=(rsync)
  command -v ss >/dev/null 2>&1 || command -v lsof >/dev/null 2>&1 || missing+=(iproute2)
  [ "${#missing[@]}" -eq 0 ] && return
  if ! command -v apt-get >/dev/null 2>&1; then
    case " ${missing[*]} " in
      *" openssl "*) fail "openssl is not installed (the TLS tests make their certificates with it): install it" ;;
    esac
    say "Not installed: ${missing[*]}; the Galera cluster tests will be skipped (they say why)."
    return
  fi
  say "Installing ${missing[*]} (the TLS tests make their certificates with openssl; the Galera cluster tests need galera-4, rsync and iproute2)..."
  apt_install "${missing[@]}" || fail "apt-get install ${missing[*]} failed; install them by hand"
}

require_server_programs() {
  if have_server_programs; then
    return
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    fail "no MySQL or MariaDB server is installed and this is not a Debian/Ubuntu machine: install MariaDB 10.11+ or MySQL 8 (mariadbd or mysqld on PATH), or set MICROORM_CONNECTION_STRING to a server you can use"
  fi
  say "Installing mariadb-server (the tests and the demo run against a throwaway MariaDB)..."
  apt_install mariadb-server || fail "apt-get install mariadb-server failed; install MariaDB by hand or set MICROORM_CONNECTION_STRING"
  have_server_programs || fail "mariadb-server was installed but mariadbd was not found"
}

test_summary() {
  local passed=0 failed=0 files=0 file counters value
  shopt -s nullglob
  for file in "$results"/*.trx; do
    files=$((files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1)
    value=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${value:-0}))
    value=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${value:-0}))
    value=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${value:-0}))
  done
  echo "tests: $passed passed, $failed failed"
  # Each test project writes its own TRX (named in its project file): a missing one is a project whose tests went uncounted.
  local projects
  projects=$(grep -l '<IsTestProject>true</IsTestProject>' "$root"/tests/*/*.csproj | wc -l)
  if [ "$files" -ne "$projects" ]; then
    say "$files TRX files for $projects test projects: some results were not counted"
    return 1
  fi
  [ "$files" -gt 0 ] && [ "$passed" -gt 0 ] && [ "$failed" -eq 0 ]
}

# Prints the "summary:" lines that passing tests wrote (the injection corpus's counts, for one), from the TRX files.
print_summaries() {
  command -v python3 >/dev/null 2>&1 || { say "python3 is not installed: the tests' summary lines are not printed"; return 0; }
  python3 - "$results" <<'PY' || say "the tests' summary lines could not be read from the TRX files"
import glob, sys, xml.etree.ElementTree as ET
for path in sorted(glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)):
    for result in ET.parse(path).iter():
        if not result.tag.endswith("}UnitTestResult") or result.get("outcome") != "Passed":
            continue
        for out in result.iter():
            # xUnit's TRX keeps a test's output as <Output><TextMessages><Message>; other loggers use <StdOut>.
            if (out.tag.endswith("}StdOut") or out.tag.endswith("}Message")) and out.text:
                for line in out.text.splitlines():
                    if line.strip().startswith("summary:"):
                        print(line.strip())
PY
}

run_tests() {
  require_dotnet
  require_test_tools
  rm -rf "$results"
  mkdir -p "$results"
  local status=0
  dotnet test --solution MicroOrm.sln --report-xunit-trx --results-directory "$results" "$@" || status=$?
  print_summaries
  # The summary fails when a test failed or when none ran at all.
  test_summary || status=1
  return "$status"
}

run_demo() {
  require_dotnet
  require_server
  dotnet build src/MicroOrm.Demo -c Release -v quiet -nologo >&2
  if [ "$#" -eq 0 ]; then set -- tour; fi
  dotnet src/MicroOrm.Demo/bin/Release/net10.0/microorm-demo.dll "$@"
}

# The benchmarks (bash build.sh bench [--quick] [--cpu] [BenchmarkDotNet options]): the first-call programs are built
# and published (NativeAOT) first, then the suite runs from its Release build; --cpu runs the client-process CPU
# harness over the same scenarios instead of BenchmarkDotNet. bash build.sh bench --table prints the README's tables
# from the last full run's reports (no server, nothing run).
run_bench() {
  require_dotnet
  if [ "${1:-}" = "--table" ]; then
    dotnet build benchmarks/MicroOrm.Benchmarks -c Release -v quiet -nologo >&2
    dotnet benchmarks/MicroOrm.Benchmarks/bin/Release/net10.0/MicroOrm.Benchmarks.dll --table
    return
  fi
  require_server
  dotnet build benchmarks/MicroOrm.Benchmarks -c Release -v quiet -nologo >&2
  dotnet build benchmarks/Peers.FirstCall -c Release -v quiet -nologo >&2
  dotnet build benchmarks/MicroOrm.FirstCall -c Release -v quiet -nologo >&2
  dotnet publish benchmarks/MicroOrm.FirstCall -c Release -r linux-x64 -v quiet -nologo >&2
  case " $* " in
    # Idle thread-pool workers spin before they sleep; in the CPU harness that spinning would count as the work.
    *" --cpu "*) DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 dotnet benchmarks/MicroOrm.Benchmarks/bin/Release/net10.0/MicroOrm.Benchmarks.dll "$@" ;;
    *) dotnet benchmarks/MicroOrm.Benchmarks/bin/Release/net10.0/MicroOrm.Benchmarks.dll "$@" ;;
  esac
}

# The packages (bash build.sh pack [--output DIR] [--version VERSION]): MicroOrm and its symbol package, and MicroOrm.Tool
# (dotnet microorm), built from the committed HEAD in a clone whose origin is the repository's URL (Directory.Build.props), as a CI build
# (ContinuousIntegrationBuild: deterministic paths, SourceLink to that URL at that commit), whatever this working copy's
# remotes are. Uncommitted changes are not in it. The version defaults to a pre-release that no cache has seen.
run_pack() {
  require_dotnet
  command -v git >/dev/null 2>&1 || fail "pack needs git: SourceLink records the commit the package is built from"
  local output="$root/artifacts/packages" version=""
  while [ "$#" -gt 0 ]; do
    case "$1" in
      --output) output="$2"; shift 2 ;;
      --version) version="$2"; shift 2 ;;
      *) fail "pack: unknown option $1 (use --output DIR, --version VERSION)" ;;
    esac
  done
  local base url
  base=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)
  url=$(sed -n 's:.*<RepositoryUrl>\(.*\)</RepositoryUrl>.*:\1:p' Directory.Build.props | head -n 1)
  [ -n "$version" ] || version="$base-local.$(date -u +%Y%m%d%H%M%S)"
  local clone
  clone=$(mktemp -d)
  git clone --quiet "$root" "$clone/repo" || { rm -rf "$clone"; fail "could not clone $root"; }
  git -C "$clone/repo" remote set-url origin "$url.git"
  mkdir -p "$output"
  local status=0
  local project
  # The library, and the dotnet microorm tool (a tool package: it carries its own copy of the library).
  for project in MicroOrm MicroOrm.Tool; do
    [ "$status" -eq 0 ] || break
    dotnet pack "$clone/repo/src/$project" -c Release -nologo -v quiet --disable-build-servers \
      -p:ContinuousIntegrationBuild=true -p:MicroOrmSourceLink=true -p:Version="$version" -o "$output" >&2 || status=$?
  done
  rm -rf "$clone"
  [ "$status" -eq 0 ] || fail "dotnet pack failed"
  say "Packed MicroOrm and MicroOrm.Tool $version (commit $(git rev-parse --short HEAD)) into $output."
}

command="${1:-}"
[ "$#" -gt 0 ] && shift
case "$command" in
  demo) run_demo "$@" ;;
  test) run_tests "$@" ;;
  bench) run_bench "$@" ;;
  pack) run_pack "$@" ;;
  test-summary) test_summary ;;
  *)
    say "usage: bash build.sh demo [task] [args...] | test | bench [options] | pack [--output DIR] [--version V] | test-summary"
    exit 2
    ;;
esac
