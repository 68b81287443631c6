//! Files on Telegram: what a non-text message is (as a platform-neutral [`Media`]), copies under the
//! data directory, and which Bot API method sends a file again.

use crate::message::{Media, MediaKind};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::task::{Context, Poll};
use teloxide::types::{MediaKind as TgMedia, Message, MessageKind};

/// Files larger than this are not copied (the Bot API's `getFile` serves at most 20 MB anyway); they
/// can still be passed on within Telegram by file id.
pub const MAX_DOWNLOAD: u64 = 20 * 1024 * 1024;

/// The platform-neutral description of a message that is not text, or `None` for a service message
/// (someone joined, a topic was created) or plain text. Stickers, locations, contacts and polls are
/// [`MediaKind::Other`]: answered, never passed on.
pub fn media_of(m: &Message) -> Option<Media> {
    let common = match &m.kind {
        MessageKind::Common(c) => c,
        MessageKind::Dice(_) => return Some(Media::new(MediaKind::Other)),
        _ => return None,
    };
    let file = |kind: MediaKind, meta: &teloxide::types::FileMeta, name: Option<&String>, mime: Option<String>, caption: &Option<String>| Media {
        kind,
        name: name.cloned(),
        mime,
        caption: caption.clone(),
        origin: Some((super::PLATFORM.to_string(), meta.id.0.clone())),
        stored: None,
        size: Some(meta.size as u64),
    };
    Some(match &common.media_kind {
        TgMedia::Text(_) | TgMedia::Migration(_) => return None,
        // Telegram sends each photo in several sizes, smallest first.
        TgMedia::Photo(p) => {
            let largest = p.photo.iter().max_by_key(|s| (s.width as u64) * (s.height as u64))?;
            file(MediaKind::Photo, &largest.file, None, Some("image/jpeg".into()), &p.caption)
        }
        TgMedia::Document(d) => file(MediaKind::Document, &d.document.file, d.document.file_name.as_ref(), mime(&d.document.mime_type), &d.caption),
        TgMedia::Voice(v) => file(MediaKind::Audio, &v.voice.file, None, mime(&v.voice.mime_type), &v.caption),
        TgMedia::Audio(a) => {
            let name = a.audio.file_name.clone().or_else(|| a.audio.title.clone()).unwrap_or_else(|| "audio".into());
            file(MediaKind::Audio, &a.audio.file, Some(&name), mime(&a.audio.mime_type), &a.caption)
        }
        TgMedia::Video(v) => {
            let name = v.video.file_name.clone().unwrap_or_else(|| "video.mp4".into());
            file(MediaKind::Video, &v.video.file, Some(&name), mime(&v.video.mime_type), &v.caption)
        }
        TgMedia::VideoNote(v) => file(MediaKind::Video, &v.video_note.file, None, Some("video/mp4".into()), &None),
        TgMedia::Animation(a) => {
            let name = a.animation.file_name.clone().unwrap_or_else(|| "animation.mp4".into());
            file(MediaKind::Video, &a.animation.file, Some(&name), mime(&a.animation.mime_type), &a.caption)
        }
        _ => Media::new(MediaKind::Other),
    })
}

/// A MIME type without parameters ("audio/ogg").
fn mime<T: std::fmt::Display>(m: &Option<T>) -> Option<String> {
    m.as_ref().map(|m| m.to_string().split(';').next().unwrap_or("").trim().to_string()).filter(|s| !s.is_empty())
}

/// The Bot API methods that send a file by id, most likely first. A file id can only be sent again
/// as the type it was sent as ("type of file mismatch" otherwise), and [`Media`] keeps the kind, not
/// Telegram's exact type: a voice message has no file name, a video note neither name nor caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Photo,
    Document,
    Audio,
    Voice,
    Video,
    VideoNote,
    Animation,
}

pub fn methods(m: &Media) -> &'static [Method] {
    use Method::*;
    match m.kind {
        MediaKind::Photo => &[Photo, Document],
        MediaKind::Document => &[Document],
        MediaKind::Audio if m.name.is_none() => &[Voice, Audio, Document],
        MediaKind::Audio => &[Audio, Voice, Document],
        MediaKind::Video if m.name.is_none() => &[VideoNote, Video, Animation],
        MediaKind::Video => &[Video, Animation, Document],
        MediaKind::Other => &[],
    }
}

/// How an uploaded copy is sent (a file from another platform).
pub fn upload_method(m: &Media) -> Method {
    match m.kind {
        MediaKind::Photo => Method::Photo,
        MediaKind::Audio => Method::Audio,
        MediaKind::Video => Method::Video,
        MediaKind::Document | MediaKind::Other => Method::Document,
    }
}

/// A new random file name for a copy, keeping a short, harmless extension.
pub fn random_name(hints: &[Option<&str>]) -> Option<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).ok()?;
    let mut name: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let ext = hints.iter().flatten().find_map(|h| {
        let (_, ext) = h.rsplit_once('.')?;
        (!ext.is_empty() && ext.len() <= 5 && ext.bytes().all(|b| b.is_ascii_alphanumeric())).then(|| ext.to_ascii_lowercase())
    });
    if let Some(ext) = ext {
        name.push('.');
        name.push_str(&ext);
    }
    Some(name)
}

/// The path of a stored copy, if the name is a plain file name (never a path) and the file exists.
pub fn stored_path(dir: &Path, stored: &str) -> Option<PathBuf> {
    if stored.is_empty() || stored.contains(['/', '\\']) || stored.starts_with('.') {
        return None;
    }
    let p = dir.join(stored);
    p.is_file().then_some(p)
}

/// Writes bytes into the media folder under `name`: first as a hidden temporary file, renamed when
/// complete, so a crash never leaves half a file under a name the database knows.
pub fn write_copy(dir: &Path, name: &str, data: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // People's letters and photos: readable by the bot's user only.
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    let tmp = dir.join(format!(".{name}.part"));
    std::fs::write(&tmp, data)?;
    std::fs::rename(&tmp, dir.join(name))
}

/// An in-memory download target that refuses to grow past a limit.
pub struct Capped {
    pub data: Vec<u8>,
    pub max: usize,
}

impl tokio::io::AsyncWrite for Capped {
    fn poll_write(mut self: Pin<&mut Self>, _: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        if self.data.len() + buf.len() > self.max {
            return Poll::Ready(Err(std::io::Error::other("file larger than the limit")));
        }
        self.data.extend_from_slice(buf);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_get_random_plain_names() {
        let a = random_name(&[Some("photos/file_1.jpg")]).unwrap();
        let b = random_name(&[Some("photos/file_1.jpg")]).unwrap();
        assert_ne!(a, b);
        assert!(a.ends_with(".jpg") && a.len() == 36, "{a}");
        let evil = random_name(&[Some("x.../../etc/passwd"), Some("brief.PDF")]).unwrap();
        assert!(!evil.contains('/'), "{evil}");
        assert_eq!(random_name(&[None, Some("no extension")]).unwrap().len(), 32);
        let dir = tempfile::tempdir().unwrap();
        write_copy(dir.path(), &a, b"abc").unwrap();
        assert!(stored_path(dir.path(), &a).is_some());
        assert!(stored_path(dir.path(), "../x").is_none() && stored_path(dir.path(), ".hidden").is_none());
    }

    #[test]
    fn a_voice_message_is_tried_as_voice_first() {
        let mut m = Media::new(MediaKind::Audio);
        assert_eq!(methods(&m)[0], Method::Voice);
        m.name = Some("song.mp3".into());
        assert_eq!(methods(&m)[0], Method::Audio);
        assert!(methods(&Media::new(MediaKind::Other)).is_empty());
    }
}
