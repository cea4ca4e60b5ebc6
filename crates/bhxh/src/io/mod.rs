//! The JSON contract: reading requests (the one-pass reader and the tree path with exact
//! field paths), the dispatch table from calculation names to readers and calculations, and
//! the responses and error objects.

pub mod contract;
pub mod csv;
pub(crate) mod history;
pub mod input;
pub(crate) mod read;
pub(crate) mod request_text;
#[cfg(feature = "schema")]
pub mod schema;
pub(crate) mod strict;
