//! Step 6: emoji. Skin-tone modifiers are dropped and emoji variants fold to
//! one stand-in per theme (🍻 🍷 🥃 → 🍺), so lexicons list each theme once.
//! Emoji are weak evidence: the lexicons mark them `weak`, so they never
//! fire alone.

/// Whether `c` is an emoji modifier (skin tones) to drop.
pub(crate) fn is_modifier(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}')
}

/// The stand-in emoji for `c`'s theme, or `c` itself.
#[inline]
pub(crate) fn canonical(c: char) -> char {
    if (c as u32) < 0x2000 {
        return c;
    }
    match c {
        '🍻' | '🍷' | '🍸' | '🍹' | '🥂' | '🥃' | '🍾' | '🍶' => '🍺',
        '🚬' => '🚬',
        '🔫' | '💣' | '🧨' => '🔫',
        '💊' | '💉' => '💊',
        // Not 🎲 or 🃏: dice and cards are board and card games as often as bets.
        '🎰' => '🎰',
        '🍁' | '🌿' | '🥦' => '🌿',
        '❄' | '⛄' => '❄',
        '🍄' => '🍄',
        // Not 💦: splashes and sweat (pools, cleaning, workouts) as often as sex.
        '🍆' | '🍑' | '🔞' => '🔞',
        '🐶' | '🐕' | '🐩' | '🦮' => '🐶',
        '🐱' | '🐈' => '🐱',
        '🦜' | '🐦' | '🦅' | '🦉' => '🦜',
        '💵' | '💶' | '💷' | '💴' | '💱' => '💵',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_variants_to_stand_ins() {
        assert_eq!(canonical('🍷'), '🍺');
        assert_eq!(canonical('💉'), '💊');
        assert_eq!(canonical('a'), 'a');
        assert_eq!(canonical('👍'), '👍');
        assert_eq!(canonical('🎲'), '🎲');
        assert!(is_modifier('\u{1F3FD}') && !is_modifier('🍺'));
    }
}
