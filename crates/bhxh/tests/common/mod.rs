//! Helpers shared by the integration tests.

/// English words that have no place in a Vietnamese message (identifiers such as field
/// names and codes are written without spaces, so they never match). A technical detail the
/// message itself labels as English ("tiếng Anh: …", the overlay validation's reasons for
/// analysts) is not scanned.
pub fn english_in(message: &str) -> Option<&'static str> {
    let message = message.split("tiếng Anh:").next().unwrap_or(message);
    const WORDS: [&str; 12] = [
        " a ",
        " an ",
        " the ",
        " or ",
        " and ",
        " must ",
        " from ",
        " to ",
        " at most ",
        " on ",
        " of ",
        " got ",
    ];
    let spaced = format!(" {} ", message.replace(['(', ')', ',', ';', ':'], " "));
    WORDS.into_iter().find(|w| spaced.contains(w))
}
