//! Files the database refers to by name: intake photos and the shop's logo.
//! They live in `media/` next to the database file, so a backup of the
//! folder carries them and a second shop (another `REMZONA_DB`) keeps its own.
//!
//! A stored file gets a new unique name and is never overwritten or deleted
//! by the app: an issued document that names a logo or a photo finds the same
//! bytes years later. Names are `<kind>/<uuid>.<ext>`, checked on every read
//! so a name from the database can never reach outside the folder.

use std::path::{Component, Path, PathBuf};

use crate::Remzona;
use crate::domain::validation::{IssueCode, Issues};
use crate::error::{Error, Result};

/// A photo from a phone is 3–12 MB; 25 MB leaves room without filling the disk.
pub const MAX_IMAGE_BYTES: u64 = 25 * 1024 * 1024;
/// What the app can show and the documents can draw.
pub const IMAGE_EXTENSIONS: [&str; 4] = ["jpg", "jpeg", "png", "webp"];

/// What a stored file is for; also its subfolder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    Photo,
    Logo,
}

impl MediaKind {
    fn folder(self) -> &'static str {
        match self {
            MediaKind::Photo => "photos",
            MediaKind::Logo => "logo",
        }
    }

    /// The logo is drawn into PDFs, which take PNG and JPEG only.
    fn accepts(self, extension: &str) -> bool {
        match self {
            MediaKind::Photo => IMAGE_EXTENSIONS.contains(&extension),
            MediaKind::Logo => matches!(extension, "png" | "jpg" | "jpeg"),
        }
    }
}

/// `<folder of the database>/media`.
pub fn folder_beside(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
        .join("media")
}

impl Remzona {
    /// Where the shop's media files are.
    pub fn media_dir(&self) -> &Path {
        &self.media
    }

    /// Copies an image the operator chose into the media folder and returns
    /// the name to store (`photos/….jpg`). `field` names the form field in
    /// the refusal of a wrong type or a too big file.
    pub fn store_image(&self, kind: MediaKind, source: &Path, field: &str) -> Result<String> {
        let extension = source
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .unwrap_or_default();
        let mut issues = Issues::default();
        if !kind.accepts(&extension) {
            issues.add(field, IssueCode::FileType);
            return Err(issues.into());
        }
        let size = std::fs::metadata(source)?.len();
        if size > MAX_IMAGE_BYTES {
            issues.add_limit(field, IssueCode::FileTooLarge, megabytes(MAX_IMAGE_BYTES));
            return Err(issues.into());
        }
        let name = format!(
            "{}/{}.{extension}",
            kind.folder(),
            uuid::Uuid::now_v7().simple()
        );
        let target = self.media.join(&name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        // Copy to a temporary name first: a half-copied file never has a
        // name the database could refer to.
        let partial = target.with_extension("partial");
        std::fs::copy(source, &partial)?;
        std::fs::rename(&partial, &target)?;
        Ok(name)
    }

    /// The full path of a stored media file, or `NotFound` for a name that
    /// is not one of ours or whose file is gone.
    pub fn media_path(&self, name: &str) -> Result<PathBuf> {
        let relative = Path::new(name);
        let inside = relative
            .components()
            .all(|part| matches!(part, Component::Normal(_)));
        let path = self.media.join(relative);
        if name.is_empty() || !inside || !path.is_file() {
            return Err(Error::NotFound {
                entity: "media",
                id: name.to_owned(),
            });
        }
        Ok(path)
    }

    /// A stored image as a `data:` URL, for the window to show.
    pub fn media_data_url(&self, name: &str) -> Result<String> {
        use base64::Engine as _;
        let path = self.media_path(name)?;
        let bytes = std::fs::read(&path)?;
        let mime = match path.extension().and_then(|e| e.to_str()) {
            Some("png") => "image/png",
            Some("webp") => "image/webp",
            _ => "image/jpeg",
        };
        let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
        Ok(format!("data:{mime};base64,{encoded}"))
    }
}

fn megabytes(bytes: u64) -> usize {
    usize::try_from(bytes / (1024 * 1024)).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_sits_beside_the_database() {
        assert_eq!(
            folder_beside(Path::new("/data/shop/remzona.sqlite3")),
            Path::new("/data/shop/media")
        );
        assert_eq!(
            folder_beside(Path::new("remzona.sqlite3")),
            Path::new("./media")
        );
    }

    #[test]
    fn the_logo_takes_only_what_a_pdf_can_draw() {
        assert!(MediaKind::Logo.accepts("png"));
        assert!(!MediaKind::Logo.accepts("webp"));
        assert!(MediaKind::Photo.accepts("webp"));
        assert!(!MediaKind::Photo.accepts("exe"));
    }
}
