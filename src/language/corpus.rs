//! Text the project owns, written for training the detector (see `corpus/README.md`).

use crate::lang::Lang;

/// (language, text) pairs embedded in the binary.
pub const TEXTS: &[(Lang, &str)] = &[];
