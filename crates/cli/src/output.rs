//! Writing results and errors. Every write error is an error (`cannot_write_output`, exit 2)
//! with one documented exception: a closed pipe (`EPIPE`, e.g. `| head`) means the reader went
//! away, and the command ends quietly with exit 0. Output files appear only when complete.

use crate::error::{CliError, Code};
use crate::Output;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Prints one JSON document on stdout, as rendered by `serde_json::to_string_pretty`.
pub fn print_json(rendered: serde_json::Result<String>) -> Result<(), CliError> {
    let text =
        rendered.map_err(|e| CliError::internal(&format!("cannot serialize the result: {e}")))?;
    print_text(&text)
}

/// Prints text on stdout, followed by a newline.
pub fn print_text(text: &str) -> Result<(), CliError> {
    stdout_open()?;
    let stdout = io::stdout();
    let mut lock = stdout.lock();
    let written = writeln!(lock, "{text}").and_then(|()| lock.flush());
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(write_failed(&e)),
        _ => Ok(()),
    }
}

/// Reports an error: the JSON error document on stdout with `--json`, else the message on stderr.
/// A failure to report is not reported again: the exit code still says it.
pub fn report_error(e: &CliError, out: Output) {
    if out.json && print_text(&e.document()).is_ok() {
        return;
    }
    let prefix = match out.lang {
        wlz_core::Lang::Nl => "fout",
        wlz_core::Lang::En => "error",
    };
    let _ = writeln!(io::stderr(), "wlz-bijdrage: {prefix}: {}", e.text(out.lang));
}

/// A write that failed (not a closed pipe).
pub fn write_failed(e: &dyn std::fmt::Display) -> CliError {
    CliError::new(
        Code::Cli("cannot_write_output"),
        None,
        format!("Kan de uitvoer niet schrijven: {e}"),
        format!("Cannot write the output: {e}"),
    )
}

/// Fails when standard output was closed (`>&-`). Rust reopens a closed standard stream on
/// `/dev/null` before `main`, so writes would silently vanish; a shell's `> /dev/null` opens it
/// write-only, Rust's replacement read-write, which tells the two apart.
pub fn stdout_open() -> Result<(), CliError> {
    if stdout_closed() {
        Err(CliError::new(
            Code::Cli("cannot_write_output"),
            None,
            String::from("De standaarduitvoer is gesloten: er kan niets worden geschreven."),
            String::from("Standard output is closed: nothing can be written."),
        ))
    } else {
        Ok(())
    }
}

#[cfg(unix)]
fn stdout_closed() -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: fcntl with F_GETFL only reads the flags of descriptor 1.
    let flags = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFL) };
    if flags < 0 {
        return true;
    }
    if flags & libc::O_ACCMODE != libc::O_RDWR {
        return false;
    }
    use std::os::fd::FromRawFd;
    // SAFETY: descriptor 1 is open (F_GETFL succeeded); ManuallyDrop never closes it.
    let fd1 =
        std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(libc::STDOUT_FILENO) });
    let null = std::fs::metadata("/dev/null");
    matches!((fd1.metadata(), null), (Ok(s), Ok(n)) if s.rdev() == n.rdev() && s.ino() == n.ino())
}

#[cfg(not(unix))]
fn stdout_closed() -> bool {
    false
}

/// Where a batch writes: standard output, or a file that appears only when the run completes.
///
/// A file is written to a temporary file in the target's folder and renamed over the target by
/// [`Target::finish`]. An interrupted run (killed, a fatal error) therefore leaves the target as
/// it was, or absent; at most a hidden `.NAME.*.part` file stays behind after a hard kill.
pub enum Target {
    Stdout(io::Stdout),
    File {
        temp: tempfile::NamedTempFile,
        dest: PathBuf,
    },
}

impl Target {
    /// Opens the output. Refuses, before anything is created or truncated, an output that is
    /// the input itself (the same file through a symlink or a hard link, or standard output
    /// appended to the input file).
    pub fn open(output: &str, input: &str) -> Result<Target, CliError> {
        if output == "-" {
            stdout_open()?;
            if same_file_as_input(same_file::Handle::stdout(), input) {
                return Err(same_file_error("-"));
            }
            return Ok(Target::Stdout(io::stdout()));
        }
        let path = Path::new(output);
        if same_file_as_input(same_file::Handle::from_path(path), input) {
            return Err(same_file_error(output));
        }
        // Write through a symlink: the link keeps pointing, its target gets the new content.
        let dest = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let folder = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".part");
        #[cfg(unix)]
        builder.permissions(permissions_for(&dest));
        let temp = builder
            .tempfile_in(&folder)
            .map_err(|e| cannot_create(output, &e))?;
        Ok(Target::File { temp, dest })
    }

    /// Puts a complete file in place. Call only after the last row was written and flushed.
    pub fn finish(self) -> Result<(), CliError> {
        match self {
            Target::Stdout(_) => Ok(()),
            Target::File { temp, dest } => {
                temp.as_file().sync_all().map_err(|e| write_failed(&e))?;
                temp.persist(&dest).map_err(|e| write_failed(&e.error))?;
                Ok(())
            }
        }
    }
}

impl Write for Target {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Target::Stdout(s) => s.write(buf),
            Target::File { temp, .. } => temp.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Target::Stdout(s) => s.flush(),
            Target::File { temp, .. } => temp.flush(),
        }
    }
}

/// The mode of the file replaced, or a new file's default (0666 less the umask, as
/// `File::create` gives; a temporary file would otherwise stay private, 0600).
#[cfg(unix)]
fn permissions_for(dest: &Path) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(dest)
        .map(|m| m.permissions())
        .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o666))
}

fn same_file_as_input(output: io::Result<same_file::Handle>, input: &str) -> bool {
    let Ok(output) = output else {
        return false;
    };
    let input = if input == "-" {
        same_file::Handle::stdin()
    } else {
        same_file::Handle::from_path(input)
    };
    input.is_ok_and(|i| i == output)
}

fn same_file_error(output: &str) -> CliError {
    let name = if output == "-" {
        "standaarduitvoer"
    } else {
        output
    };
    let name_en = if output == "-" {
        "standard output"
    } else {
        output
    };
    CliError::new(
        Code::Cli("same_input_and_output"),
        None,
        format!(
            "De uitvoer ({name}) is hetzelfde bestand als de invoer: dat zou de invoer wissen. Kies een ander uitvoerbestand."
        ),
        format!(
            "The output ({name_en}) is the same file as the input: that would erase the input. Choose another output file."
        ),
    )
}

fn cannot_create(path: &str, e: &dyn std::fmt::Display) -> CliError {
    CliError::new(
        Code::Cli("cannot_write_output"),
        None,
        format!("Kan het uitvoerbestand niet maken ({path}): {e}"),
        format!("Cannot create the output file ({path}): {e}"),
    )
}
