package dev.assay.api.assistant.builtin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The limits of a clipping said in words: percentile bounds ("at the 1st and 99th percentiles", "5 %/95 %",
 * "between the 10th and 90th quantile", "at the 97.5th percentile") and an IQR fence factor ("3 × IQR", "a fence of 2
 * IQRs", "factor 2.5"). Said limits go into the step's params; a limit the action has no parameter for ("3 standard
 * deviations", "at 100") or a value outside the action's range is a question back, never a silent default.
 */
record ClipLimits(Map<String, Object> params, Optional<String> refusal, List<String> said) {

    private static final String NUM = "(\\d{1,3}(?:\\.\\d+)?)";
    private static final String ORDINAL = NUM + "\\s*(?:st|nd|rd|th|%|percent|per\\s+cent)?";
    /** "1st and 99th percentile", "5%/95%", "10%-90%", "the 5th to the 95th quantiles", "0.05 and 0.95 quantiles". */
    private static final Pattern PAIR = Pattern.compile(
            "(?i)" + ORDINAL + "\\s*(?:percentiles?|quantiles?)?\\s*" + "(?:and|/|-|–|to|through|,)\\s*(?:the\\s+)?"
                    + ORDINAL + "(?=\\s*(?:percentiles?|quantiles?|%|percent|range|\\b))");
    /** One bound: "the 97.5th percentile", "at 99 %", "the 0.95 quantile". */
    private static final Pattern ONE =
            Pattern.compile("(?i)" + NUM + "\\s*(?:(?:st|nd|rd|th)\\s*(?:percentile|quantile)"
                    + "|(?:%|percent|per\\s+cent)|\\s+(?:percentile|quantile))");
    /** "3 × IQR", "3x IQR", "3 * IQR", "3 times the IQR", "2 IQRs", "a fence of 2", "factor 2.5", "k = 3". */
    private static final Pattern FACTOR = Pattern.compile("(?i)" + NUM
            + "\\s*(?:×|x|\\*|times)?\\s*(?:the\\s+)?(?:iqrs?\\b|interquartile)"
            + "|\\b(?:iqr|fence|factor|multiplier|k)\\s*(?:factor|multiplier)?\\s*(?:of|=|:|at)?\\s*" + NUM + "\\b");

    private static final Pattern SPREAD =
            Pattern.compile("(?i)" + NUM + "\\s*(?:standard\\s+deviations?|std\\.?\\s*devs?|sds?\\b|stds?\\b"
                    + "|sigmas?\\b|σ)|\\bz(?:-|\\s)?scores?\\s+(?:of|above|over|beyond|past)\\s+" + NUM);
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}_\\d.])" + NUM + "(?![\\p{L}_\\d])");

    private static final Pattern COLUMN_COUNT = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}_.])\\d{1,2}(?=\\s+(?:most\\s+[\\p{L}-]+\\s+"
                    + "|[\\p{L}]+est\\s+)?(?:numeric\\s+|numerical\\s+)?(?:columns|variables|features|fields|ones)\\b)");

    static ClipLimits none() {
        return new ClipLimits(Map.of(), Optional.empty(), List.of());
    }

    boolean percentile() {
        return "percentile".equals(params.get("method"));
    }

    /**
     * The limits said in a clipping clause. {@code names} are the dataset's column names, so a number that is a
     * column ("1990") is not taken for a limit.
     */
    private static final Pattern REPLACED = Pattern.compile(
            "(?i)\\s*,?\\s*\\b(?:rather\\s+than|instead\\s+of|in\\s+place\\s+of|not)\\s+(?:the\\s+)?(?:default\\s+|usual\\s+|standard\\s+)?"
                    + "(?:of\\s+)?\\d+(?:\\.\\d+)?(?:\\s*(?:x|×|times)?\\s*(?:the\\s+)?iqrs?)?\\b");

    static ClipLimits read(String clause, List<String> names) {
        String text = NumberWords.inDigits(clause);
        for (String name : names) {
            if (name.matches(".*\\d.*")) {
                text = text.replaceAll(
                        "(?i)(?<![\\p{L}\\p{N}_])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_])", " column ");
            }
        }
        // "the 3 most skewed columns", "2 columns": a count of columns is which columns, never a limit.
        text = COLUMN_COUNT.matcher(text).replaceAll(" ");
        // "a factor of 3 rather than 1.5", "2.5 instead of the default 1.5": the value replaced is no limit.
        text = REPLACED.matcher(text).replaceAll(" ");
        Matcher spread = SPREAD.matcher(text);
        if (spread.find()) {
            return ask("\"" + spread.group().strip()
                    + "\": clip_outliers has no limit in standard deviations; it clips at an "
                    + "IQR fence (e.g. \"1.5 × IQR\") or at percentiles (e.g. \"the 1st and 99th percentiles\"). Say which, "
                    + "so nothing was planned for \"" + clause.strip() + "\".");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> used = new ArrayList<>();
        Matcher factor = FACTOR.matcher(text);
        if (factor.find()) {
            double value = Double.parseDouble(factor.group(1) != null ? factor.group(1) : factor.group(2));
            if (value < 0.5 || value > 10) {
                return ask("An IQR factor of " + format(value) + " is outside what clip_outliers takes (0.5 to 10), so "
                        + "nothing was planned for \"" + clause.strip() + "\".");
            }
            params.put("method", "iqr");
            params.put("factor", value);
            used.add(factor.group());
        } else {
            Matcher pair = PAIR.matcher(text);
            boolean saysPercent =
                    text.toLowerCase(Locale.ROOT).matches("(?s).*(?:percentile|quantile|%|percent|winsori).*");
            if (pair.find() && saysPercent) {
                double low = quantile(pair, 1);
                double high = quantile(pair, 2);
                if (low > high) {
                    double swap = low;
                    low = high;
                    high = swap;
                }
                if (low > 0.5 || high < 0.5) {
                    return ask("Percentiles " + pair.group(1) + " and " + pair.group(2)
                            + " do not leave the middle of the "
                            + "data in between (clip_outliers takes a lower one up to the 50th and an upper one from the "
                            + "50th), so nothing was planned for \"" + clause.strip() + "\".");
                }
                params.put("method", "percentile");
                params.put("lower", low);
                params.put("upper", high);
                used.add(pair.group());
            } else if (sides(text, params, used)) {
                params.put("method", "percentile");
            } else {
                Matcher one = ONE.matcher(text);
                if (one.find()) {
                    double bound = quantile(one, 1);
                    params.put("method", "percentile");
                    // One bound said: only that side is clipped; the other limit is the data's own end.
                    if (bound >= 0.5) {
                        params.put("lower", 0.0);
                        params.put("upper", bound);
                    } else {
                        params.put("lower", bound);
                        params.put("upper", 1.0);
                    }
                    used.add(one.group());
                }
            }
        }
        String rest = text;
        for (String said : used) {
            rest = rest.replace(said, " ");
        }
        Matcher other = NUMBER.matcher(rest);
        if (other.find()) {
            return ask("\"" + other.group().strip() + "\" in \"" + clause.strip()
                    + "\" is no limit clip_outliers takes: it "
                    + "clips at an IQR fence (e.g. \"3 × IQR\") or at percentiles (e.g. \"the 5th and 95th percentiles\"), "
                    + "not at a value. Nothing was planned for it.");
        }
        return new ClipLimits(params, Optional.empty(), List.copyOf(used));
    }

    /** "the top 1 %", "the bottom 2 % and top 2 %", "5 % in each tail": shares cut from one end or from both. */
    private static final Pattern SIDE =
            Pattern.compile("(?i)\\b(top|upper|highest|largest|bottom|lower|lowest|smallest)\\s+" + NUM
                    + "\\s*(?:%|percent|per\\s+cent)");

    private static final Pattern BOTH =
            Pattern.compile("(?i)" + NUM + "\\s*(?:%|percent|per\\s+cent)\\s+(?:(?:on|at|in|from|of)"
                    + "\\s+)?(?:each|both|either)\\s+(?:sides?|ends?|tails?)");

    private static boolean sides(String text, Map<String, Object> params, List<String> used) {
        Matcher both = BOTH.matcher(text);
        if (both.find()) {
            double share = Double.parseDouble(both.group(1)) / 100;
            if (share <= 0 || share >= 0.5) {
                return false;
            }
            params.put("lower", share);
            params.put("upper", 1 - share);
            used.add(both.group());
            return true;
        }
        Matcher side = SIDE.matcher(text);
        boolean found = false;
        double lower = 0;
        double upper = 1;
        while (side.find()) {
            double share = Double.parseDouble(side.group(2)) / 100;
            if (share <= 0 || share >= 0.5) {
                return false;
            }
            if (Set.of("top", "upper", "highest", "largest")
                    .contains(side.group(1).toLowerCase(Locale.ROOT))) {
                upper = 1 - share;
            } else {
                lower = share;
            }
            used.add(side.group());
            found = true;
        }
        if (found) {
            params.put("lower", lower);
            params.put("upper", Math.round(upper * 1e9) / 1e9);
        }
        return found;
    }

    /**
     * "0.5th" and "0.5 %" are percents, whatever their first digit: an ordinal or a percent sign after the number says
     * so; a bare "0.99" is a quantile.
     */
    private static double quantile(Matcher m, int group) {
        String after = m.group().substring(m.end(group) - m.start());
        return after.matches("(?is)\\s*(?:st|nd|rd|th|%|percent|per\\s+cent).*")
                ? Double.parseDouble(m.group(group)) / 100
                : quantile(m.group(group));
    }

    /** "99" or "1" (percentiles) or "0.99" (a quantile) as a quantile. */
    private static double quantile(String number) {
        double value = Double.parseDouble(number);
        return number.startsWith("0.") ? value : value / 100;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static ClipLimits ask(String why) {
        return new ClipLimits(Map.of(), Optional.of(why), List.of());
    }
}
