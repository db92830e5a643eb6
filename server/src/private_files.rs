//! Files and directories Scola writes hold personal data (the database, its backups, later the
//! pupils' hand-ins): only the account the server runs as may read them, whatever the umask.
//!
//! SQLite gives its `-wal` and `-shm` files the mode of the database file, so creating that file
//! owner-only is enough for all three.

use std::fs::{DirBuilder, OpenOptions, Permissions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// rwx for the owner only.
pub const DIR_MODE: u32 = 0o700;
/// rw for the owner only.
pub const FILE_MODE: u32 = 0o600;

/// Creates `dir` and its missing parents owner-only; an existing `dir` made readable by others
/// (by an older version, or by hand) is closed again.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(dir)?;
    restrict(dir, DIR_MODE)
}

/// Creates an empty owner-only file, failing if it exists: a backup never overwrites anything.
pub fn create_new_file(path: &Path) -> io::Result<()> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(FILE_MODE)
        .open(path)
        .map(drop)
}

/// Makes sure the file at `path` exists and is owner-only, keeping its content.
pub fn ensure_file(path: &Path) -> io::Result<()> {
    OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(FILE_MODE)
        .open(path)?;
    restrict(path, FILE_MODE)
}

/// Removes the group and other permission bits of `path`, if it has any.
fn restrict(path: &Path, mode: u32) -> io::Result<()> {
    let current = std::fs::metadata(path)?.permissions().mode();
    if current & 0o077 != 0 {
        std::fs::set_permissions(path, Permissions::from_mode(mode))?;
    }
    Ok(())
}

/// The permission bits of `path` (for the tests and the start-up checks).
pub fn mode_of(path: &Path) -> io::Result<u32> {
    Ok(std::fs::metadata(path)?.permissions().mode() & 0o777)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("scola-private-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn directories_and_files_are_owner_only() {
        let dir = scratch("new").join("nested");
        create_dir(&dir).expect("dir");
        assert_eq!(mode_of(&dir).expect("mode"), 0o700);
        let file = dir.join("scola.db");
        ensure_file(&file).expect("file");
        assert_eq!(mode_of(&file).expect("mode"), 0o600);
        let backup = dir.join("backup.db");
        create_new_file(&backup).expect("backup");
        assert_eq!(mode_of(&backup).expect("mode"), 0o600);
        assert!(create_new_file(&backup).is_err(), "never overwrites");
    }

    #[test]
    fn what_was_left_open_is_closed_and_content_kept() {
        let dir = scratch("open");
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::set_permissions(&dir, Permissions::from_mode(0o755)).expect("chmod");
        let file = dir.join("scola.db");
        std::fs::write(&file, b"kept").expect("write");
        std::fs::set_permissions(&file, Permissions::from_mode(0o644)).expect("chmod");
        create_dir(&dir).expect("dir");
        ensure_file(&file).expect("file");
        assert_eq!(mode_of(&dir).expect("mode"), 0o700);
        assert_eq!(mode_of(&file).expect("mode"), 0o600);
        assert_eq!(std::fs::read(&file).expect("read"), b"kept");
    }
}
