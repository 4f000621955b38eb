package dev.assay.api.assistant;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks values that look personal before any text from the data leaves Assay: e-mail addresses, phone
 * numbers, payment card numbers (Luhn-checked), IBANs and other long account-like numbers.
 */
public final class Masking {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final Pattern IBAN =
            Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b");
    /** 13 to 19 digits, optionally grouped by spaces or dashes: a card number if it passes Luhn. */
    private static final Pattern CARD = Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b");
    /** A phone number: at least 9 digits with the separators phone numbers use, or a leading +. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w.])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{2,4}(?:[ .-]\\d{2,4}){2,4}(?![\\w.])");
    /** Dates and times have the digit groups of a phone number; they are not masked. */
    private static final Pattern DATE =
            Pattern.compile("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}|\\d{1,2}:\\d{2}");
    /** Any other run of 10 or more digits: account, customer or national numbers. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d.])\\d{10,}(?![\\d.])");

    private Masking() {}

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll("[email]");
        masked = IBAN.matcher(masked).replaceAll("[account]");
        masked = replaceCards(masked);
        masked = PHONE.matcher(masked)
                .replaceAll(
                        m -> digits(m.group()) >= 9 && !DATE.matcher(m.group()).find()
                                ? "[phone]"
                                : Matcher.quoteReplacement(m.group()));
        return LONG_NUMBER.matcher(masked).replaceAll("[number]");
    }

    private static String replaceCards(String text) {
        Matcher matcher = CARD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            matcher.appendReplacement(out, luhn(digits) ? "[card]" : Matcher.quoteReplacement(matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static int digits(String text) {
        return (int) text.chars().filter(Character::isDigit).count();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
