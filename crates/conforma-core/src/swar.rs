//! Eight bytes at a time in a `u64` ("SIMD within a register"): the byte
//! scans that run on every keystroke skip the long stretches of ordinary
//! lowercase text without looking at each byte. The wasm build has no SIMD,
//! but its 64-bit integer operations are native.

/// 0x01 in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;
/// 0x80 (the high bit) in every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `chunk` as one word (little-endian), if it has eight.
#[inline]
pub(crate) fn word(chunk: &[u8]) -> Option<u64> {
    // `first_chunk` is a cast, not a copy: one 64-bit load in the wasm.
    chunk.first_chunk::<8>().map(|b| u64::from_le_bytes(*b))
}

/// Whether any byte of `x` is `b`.
#[inline]
pub(crate) fn has_byte(x: u64, b: u8) -> bool {
    let v = x ^ (ONES * u64::from(b));
    // A zero byte borrows from its high bit; as a yes/no answer this is exact.
    v.wrapping_sub(ONES) & !v & HIGH != 0
}

/// The high bit of each zero byte of `v`, exactly (no borrow between bytes).
#[inline]
pub(crate) fn zero_bytes(v: u64) -> u64 {
    !((v & !HIGH).wrapping_add(!HIGH) | v | !HIGH)
}

/// The high bit of each byte of `x` equal to `b`.
#[inline]
pub(crate) fn bytes_equal(x: u64, b: u8) -> u64 {
    zero_bytes(x ^ (ONES * u64::from(b)))
}

/// Whether any byte of `x` is non-ASCII.
#[inline]
pub(crate) fn has_non_ascii(x: u64) -> bool {
    x & HIGH != 0
}

/// The high bit of each byte of `x` in `lo..=hi` (both ASCII, `hi < 0x7F`).
#[inline]
const fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    // With the high bits cleared no byte carries into the next (0x7F + 0x7F
    // < 0x100): b + (0x80 - lo) reaches 0x80 from `lo` on, b + (0x7F - hi)
    // from `hi + 1` on. Non-ASCII bytes are masked out by `!x`.
    let y = x & !HIGH;
    let from_lo = y.wrapping_add(ONES * (0x80 - lo as u64));
    let past_hi = y.wrapping_add(ONES * (0x7F - hi as u64));
    from_lo & !past_hi & !x & HIGH
}

/// Whether any byte of `x` is an ASCII capital (`A`..=`Z`).
#[inline]
pub(crate) fn has_ascii_upper(x: u64) -> bool {
    in_range(x, b'A', b'Z') != 0
}

/// Whether any byte of `x` is an ASCII digit.
#[inline]
pub(crate) fn has_ascii_digit(x: u64) -> bool {
    in_range(x, b'0', b'9') != 0
}

/// Whether three bytes in a row of `x` are equal.
#[inline]
pub(crate) fn has_triple(x: u64) -> bool {
    // Byte k of `same` is zero when bytes k and k + 1 are equal (k < 7), of
    // `both` when bytes k, k + 1 and k + 2 are (k < 6); the top two bytes,
    // which compare with nothing, are set.
    let same = x ^ (x >> 8);
    let both = same | (same >> 8) | (0xFFFF << 48);
    both.wrapping_sub(ONES) & !both & HIGH != 0
}

/// Whether the non-ASCII bytes of `x` are all lowercase Latin-1 letters
/// ("à".."ÿ": 0xC3 then 0xA0..=0xBF), each pair whole inside `x`, except a
/// first byte that continues a 0xC3 just before `x` (`after_c3`).
#[inline]
pub(crate) fn only_lowercase_latin1(x: u64, after_c3: bool) -> bool {
    let leads = bytes_equal(x, 0xC3);
    let tails = zero_bytes((x & (ONES * 0xE0)) ^ (ONES * 0xA0));
    let first = if after_c3 { 0x80 } else { 0 };
    x & HIGH & !(leads | tails) == 0 && leads & (0x80 << 56) == 0 && leads << 8 == tails & !first
}

/// Whether every byte of `x` is printable ASCII (`' '..='~'`).
#[inline]
pub(crate) fn all_printable(x: u64) -> bool {
    // A byte below 0x20 borrows when 0x20 is taken away; exact as a yes/no.
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH != 0;
    !has_non_ascii(x) && !below_space && !has_byte(x, 0x7F)
}

/// `x` with its ASCII capitals lowercased (`x` all ASCII).
#[inline]
pub(crate) fn to_lowercase(x: u64) -> u64 {
    // The capitals' high bits, moved to 0x20: the case bit.
    x | (in_range(x, b'A', b'Z') >> 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_test_agrees_with_a_byte_loop() {
        let mut seed = 0x5A_4A_u64;
        for _ in 0..50_000 {
            let x = crate::testing::xorshift(&mut seed);
            // Mostly ASCII letters, some of everything else.
            let bytes: [u8; 8] = if x & 1 == 0 {
                x.to_le_bytes()
            } else {
                x.to_le_bytes().map(|b| {
                    b"aaaeez !?AZ[@`{\xC2\xC3\x7F\x1F~09/:\xC3\xA3\xBF\x83\x9F"[usize::from(b % 28)]
                })
            };
            let w = u64::from_le_bytes(bytes);
            assert_eq!(
                has_non_ascii(w),
                bytes.iter().any(|b| !b.is_ascii()),
                "{bytes:?}"
            );
            assert_eq!(
                has_ascii_upper(w),
                bytes.iter().any(u8::is_ascii_uppercase),
                "{bytes:?}"
            );
            assert_eq!(
                all_printable(w),
                bytes.iter().all(|b| matches!(b, b' '..=b'~')),
                "{bytes:?}"
            );
            if bytes.is_ascii() {
                assert_eq!(
                    to_lowercase(w).to_le_bytes(),
                    bytes.map(|b| b.to_ascii_lowercase())
                );
            }
            assert_eq!(
                has_ascii_digit(w),
                bytes.iter().any(u8::is_ascii_digit),
                "{bytes:?}"
            );
            assert_eq!(
                has_triple(w),
                bytes.windows(3).any(|t| t[0] == t[1] && t[1] == t[2]),
                "{bytes:?}"
            );
            let lower_latin1 = |after_c3: bool| {
                bytes.iter().enumerate().all(|(k, &b)| {
                    let before = if k == 0 {
                        after_c3.then_some(0xC3)
                    } else {
                        bytes.get(k - 1).copied()
                    };
                    match b {
                        0..=0x7F => true,
                        0xC3 => bytes.get(k + 1).is_some_and(|n| (0xA0..=0xBF).contains(n)),
                        0xA0..=0xBF => before == Some(0xC3),
                        _ => false,
                    }
                })
            };
            for after_c3 in [false, true] {
                assert_eq!(
                    only_lowercase_latin1(w, after_c3),
                    lower_latin1(after_c3),
                    "{bytes:?} {after_c3}"
                );
            }
            for b in [b'!', b'?', 0xC2, 0] {
                assert_eq!(bytes_equal(w, b) != 0, bytes.contains(&b));
                assert_eq!(has_byte(w, b), bytes.contains(&b), "{b} in {bytes:?}");
            }
        }
        assert_eq!(word(b"1234567"), None);
        assert_eq!(word(b"\x01\0\0\0\0\0\0\0rest"), Some(1));
    }
}
