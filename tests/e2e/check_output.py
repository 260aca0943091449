"""csc-report's output checks (csc-report e2e test): --output FILE is replaced
only by a complete report, a failed write is an error naming the output and the
cause and leaves an existing FILE untouched with no temporary file beside it,
and a reader that quits early (EPIPE) ends the run quietly with status 0.

Usage: python3 check_output.py PROGRAM WORKDIR  (run in tests/e2e)

Tests run as root in CI, where permission bits do not stop a write. The
read-only directory case therefore runs the program as user nobody (setpriv)
when run as root, and is skipped only if that is impossible; the write that
fails half-way uses a file size limit (RLIMIT_FSIZE, EFBIG), which root cannot
bypass either.
"""
import os
import resource
import shutil
import signal
import subprocess
import sys

program, work = os.path.abspath(sys.argv[1]), sys.argv[2]
args = ["--referrals", os.path.abspath("small_referrals.csv"), "--cp-plans", os.path.abspath("small_cp_plans.csv"),
        "--period", "2019-20", "--format", "json"]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
os.chmod(work, 0o755)
failures = []
report = subprocess.run([program] + args, capture_output=True, check=True).stdout
old = b"the previous report\n"


def run(extra, prefix=(), preexec_fn=None, stdout=subprocess.DEVNULL):
    return subprocess.run(list(prefix) + [program] + args + extra, stdout=stdout, stderr=subprocess.PIPE,
                          preexec_fn=preexec_fn)


def existing(directory):
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "report.json")
    with open(path, "wb") as f:
        f.write(old)
    return path


def expect_failure(case, r, path, message):
    err = r.stderr.decode()
    if r.returncode != 1:
        failures.append("%s: exit status %d, expected 1 (stderr: %s)" % (case, r.returncode, err))
    if "csc-report: error: %s: %s" % (path, message) not in err:
        failures.append("%s: stderr %r does not name %s and %r" % (case, err, path, message))
    if os.path.isfile(path) and open(path, "rb").read() != old:
        failures.append("%s: %s was changed" % (case, path))
    directory = os.path.dirname(path)
    if os.path.isdir(directory) and [f for f in os.listdir(directory) if f.endswith(".tmp")]:
        failures.append("%s: a temporary file was left in %s: %s" % (case, directory, os.listdir(directory)))


# A complete report replaces the file; nothing else is left beside it.
path = existing(os.path.join(work, "ok"))
r = run(["--output", path])
if r.returncode != 0 or open(path, "rb").read() != report or os.listdir(os.path.dirname(path)) != ["report.json"]:
    failures.append("--output: status %d, %s not the report or files left beside it: %s"
                    % (r.returncode, path, os.listdir(os.path.dirname(path))))

# The replaced report keeps the permissions of the one it replaces (a team-only file stays team-only).
path = existing(os.path.join(work, "mode"))
os.chmod(path, 0o640)
r = run(["--output", path])
if r.returncode != 0 or (os.stat(path).st_mode & 0o777) != 0o640:
    failures.append("--output: status %d, mode %o after replacing a 640 file" % (r.returncode, os.stat(path).st_mode & 0o777))

# A read-only directory: the temporary file cannot be created; the existing report stays.
path = existing(os.path.join(work, "read-only"))
os.chmod(os.path.dirname(path), 0o555)
prefix = []
if os.geteuid() == 0:
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
    probe = subprocess.run(prefix + [program, "--version"], capture_output=True) if shutil.which("setpriv") else None
    if probe is None or probe.returncode != 0:
        prefix = None
        print("check_output: read-only directory case skipped (root, and cannot run the program as nobody)")
if prefix is not None:
    expect_failure("read-only directory", run(["--output", path], prefix), path,
                   "cannot create a temporary file beside it: Permission denied")
os.chmod(os.path.dirname(path), 0o755)


# The write fails half-way (file size limit of 1 KiB, the report is larger): the existing report stays.
def limit_file_size():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))


if len(report) <= 1024:
    failures.append("the report is too small for the file size limit case")
path = existing(os.path.join(work, "too-large"))
expect_failure("write fails half-way", run(["--output", path], preexec_fn=limit_file_size), path,
               "cannot write: File too large")

# The parent of --output is a regular file; --output is a directory; a symbolic link to /dev/full.
path = os.path.join(work, "ok", "report.json", "report.json")
expect_failure("parent is a file", run(["--output", path]), path,
               "cannot create a temporary file beside it: Not a directory")
expect_failure("a directory", run(["--output", work]), work, "cannot write: a directory, not a file")
path = os.path.join(work, "full.json")
os.symlink("/dev/full", path)
expect_failure("link to /dev/full", run(["--output", path]), path, "cannot write: No space left on device")

# A reader that quits before reading (read end closed): no message, status 0.
p = subprocess.Popen([program] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
p.stdout.close()
err = p.stderr.read()
if p.wait() != 0 or err:
    failures.append("reader quits early: status %d, stderr %r (expected 0 and nothing)" % (p.returncode, err))

if failures:
    sys.exit("check_output: " + "; ".join(failures))
print("check_output: --output replaced only when complete; failed writes are errors; EPIPE quiet")
