//! Brazilian CPF: 11 digits, optionally `000.000.000-00`, two mod-11 check digits.

use crate::model::Span;

/// True when `digits` (exactly 11 ASCII digits) is a valid CPF.
/// Repeated-digit numbers (000… to 999…) pass the arithmetic but are never issued.
pub(crate) fn is_valid(digits: &[u8]) -> bool {
    if digits.len() != 11 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let d: Vec<u32> = digits.iter().map(|b| u32::from(b - b'0')).collect();
    if d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let check = |n: usize| {
        let sum: u32 = (0..n).map(|i| d[i] * (n as u32 + 1 - i as u32)).sum();
        let r = (sum * 10) % 11;
        if r == 10 {
            0
        } else {
            r
        }
    };
    check(9) == d[9] && check(10) == d[10]
}

/// Spans of valid CPFs written as 11 bare digits or `ddd.ddd.ddd-dd`,
/// not glued to other digits (so longer numbers are not sliced into CPFs).
pub(crate) fn find(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut digits = Vec::with_capacity(11);
        let mut j = i;
        while j < b.len() && digits.len() < 11 {
            match b[j] {
                c if c.is_ascii_digit() => digits.push(c),
                b'.' | b'-' | b' '
                    if j + 1 < b.len()
                        && b[j + 1].is_ascii_digit()
                        && matches!(digits.len(), 3 | 6 | 9) => {}
                _ => break,
            }
            j += 1;
        }
        let glued = j < b.len() && b[j].is_ascii_digit();
        if digits.len() == 11 && !glued && is_valid(&digits) {
            out.push(Span::new(i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits() {
        assert!(is_valid(b"52998224725"));
        assert!(!is_valid(b"52998224724"));
        for d in b'0'..=b'9' {
            assert!(!is_valid(&[d; 11]), "repeated {}", d as char);
        }
    }

    #[test]
    fn finds_formatted_and_bare() {
        let t = "CPF 529.982.247-25 ou 52998224725.";
        assert_eq!(find(t), vec![Span::new(4, 18), Span::new(22, 33)]);
        assert!(find("pedido 529982247251").is_empty());
        assert!(find("000.000.000-00").is_empty());
    }
}
