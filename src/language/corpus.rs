//! Text the project wrote for training the detector, for languages without an embedded word list
//! (see `corpus/README.md`).

use crate::lang::Lang;

/// (language, text) pairs embedded in the binary.
pub const TEXTS: &[(Lang, &str)] = &[(Lang::So, include_str!("corpus/so.txt"))];
