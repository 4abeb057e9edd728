//! Programs in links: the code travels in the link's `#` part (never sent to any server),
//! compressed with zlib (`miniz_oxide`; its checksum tells a damaged link from a good one) and
//! written in base64url, which needs no escaping in a URL. Decoding is total: any text, however
//! hostile, gives the program or a message saying what is wrong, and never inflates past
//! [`MAX_SOURCE_BYTES`].

use miniz_oxide::deflate::compress_to_vec_zlib;
use miniz_oxide::inflate::{decompress_to_vec_zlib_with_limit, DecompressError, TINFLStatus};

/// The longest program the page takes (from the editor, a link, a file or storage), in bytes.
/// Far above any lesson; small enough that parsing, highlighting and saving it stay quick.
pub const MAX_SOURCE_BYTES: usize = 256 * 1024;

/// The longest link the page offers to copy, in characters. Browsers take far longer ones,
/// but chat apps, mail programs and some sites cut links past a few thousand characters; a
/// longer program is offered as a file instead.
pub const MAX_LINK_CHARS: usize = 8_000;

/// Why a link's code could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// A character base64url does not have (the link was changed or cut by hand).
    NotBase64(char),
    /// The data is not zlib, or its checksum does not match (cut short or changed).
    Damaged,
    /// It would unpack to more than [`MAX_SOURCE_BYTES`].
    TooLarge,
    /// The unpacked bytes are not UTF-8 text.
    NotText,
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::NotBase64(c) => write!(
                f,
                "its code contains {}, which a shared program never does: the link was probably changed or cut when it was copied",
                crate::demos::params::visible(&format!("“{c}”"))
            ),
            LinkError::Damaged => f.write_str("its code is damaged: the link was probably cut short or changed when it was copied"),
            LinkError::TooLarge => write!(f, "its program would be larger than {} KiB, more than the editor takes", MAX_SOURCE_BYTES / 1024),
            LinkError::NotText => f.write_str("its code is not text"),
        }
    }
}

/// The link payload for `code`.
pub fn encode(code: &str) -> String {
    base64url(&compress_to_vec_zlib(code.as_bytes(), 9))
}

/// The code a link payload carries.
pub fn decode(payload: &str) -> Result<String, LinkError> {
    let bytes = from_base64url(payload.trim())?;
    let raw =
        decompress_to_vec_zlib_with_limit(&bytes, MAX_SOURCE_BYTES).map_err(|e: DecompressError| match e.status {
            TINFLStatus::HasMoreOutput => LinkError::TooLarge,
            _ => LinkError::Damaged,
        })?;
    String::from_utf8(raw).map_err(|_| LinkError::NotText)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// RFC 4648 base64url, without padding.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for k in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * k) & 63) as usize] as char);
        }
    }
    out
}

/// Reads base64url (padding `=` tolerated at the end).
pub fn from_base64url(text: &str) -> Result<Vec<u8>, LinkError> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.chars() {
        let v = match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '-' => 62,
            '_' => 63,
            _ => return Err(LinkError::NotBase64(c)),
        };
        acc = (acc << 6 | v) & 0xFF_FFFF;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}
