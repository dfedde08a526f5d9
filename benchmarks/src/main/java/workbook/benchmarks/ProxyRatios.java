package workbook.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Turns {@link ProxyBenchmark}'s JSON results into the numbers that matter: for each proxy, its
 * throughput as a share of direct loopback, one ratio per measured iteration (the two halves of
 * that iteration ran under the same load), with the mean and a 99.9% confidence interval over all
 * iterations of all forks, as JMH gives for its own scores; then the CPU seconds each way costs per
 * gigabyte, and direct's cost as a share of the proxy's, the same way.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ProxyBenchmark -rf json -rff proxy.json
 * java -cp benchmarks/target/benchmarks.jar workbook.benchmarks.ProxyRatios proxy.json
 * </pre>
 */
public final class ProxyRatios {

    private ProxyRatios() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ProxyRatios results.json (from -rf json -rff results.json)");
            System.exit(2);
        }
        Object parsed = new Json(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)).value();
        System.out.printf(Locale.ROOT, "%-11s %4s %15s %15s %18s %15s %15s %18s%n", "proxy", "n", "direct GB/s",
                "proxied GB/s", "proxied / direct", "direct CPU s/GB", "proxied CPU", "direct / proxied");
        for (Object entry : (List<?>) parsed) {
            Map<?, ?> run = (Map<?, ?>) entry;
            if (!String.valueOf(run.get("benchmark")).endsWith("ProxyBenchmark.directThenProxied")) {
                continue;
            }
            String proxy = String.valueOf(((Map<?, ?>) run.get("params")).get("proxy"));
            Map<?, ?> secondary = (Map<?, ?>) run.get("secondaryMetrics");
            List<Double> direct = flatten(((Map<?, ?>) secondary.get("directSeconds")).get("rawData"));
            List<Double> proxied = flatten(((Map<?, ?>) secondary.get("proxiedSeconds")).get("rawData"));
            List<Double> directCpu = flatten(((Map<?, ?>) secondary.get("directCpuSeconds")).get("rawData"));
            List<Double> proxiedCpu = flatten(((Map<?, ?>) secondary.get("proxiedCpuSeconds")).get("rawData"));
            List<Double> opsPerSecond = flatten(((Map<?, ?>) run.get("primaryMetric")).get("rawData"));
            double iterationSeconds = seconds(String.valueOf(run.get("measurementTime")));
            List<Double> ratios = new ArrayList<>();
            List<Double> directRates = new ArrayList<>();
            List<Double> proxiedRates = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            List<Double> directCosts = new ArrayList<>();
            List<Double> proxiedCosts = new ArrayList<>();
            for (int i = 0; i < direct.size(); i++) {
                double bytes = opsPerSecond.get(i) * iterationSeconds * ProxyBenchmark.TRANSFER;
                ratios.add(direct.get(i) / proxied.get(i));
                directRates.add(bytes / direct.get(i) / 1e9);
                proxiedRates.add(bytes / proxied.get(i) / 1e9);
                cpuRatios.add(directCpu.get(i) / proxiedCpu.get(i));
                directCosts.add(directCpu.get(i) / (bytes / 1e9));
                proxiedCosts.add(proxiedCpu.get(i) / (bytes / 1e9));
            }
            System.out.printf(Locale.ROOT, "%-11s %4d %15s %15s %18s %15s %15s %18s%n", proxy, ratios.size(),
                    interval(directRates), interval(proxiedRates), interval(ratios), interval(directCosts),
                    interval(proxiedCosts), interval(cpuRatios));
        }
    }

    /** {@code mean ± half-width} of the 99.9% confidence interval (Student's t), as JMH reports. */
    static String interval(List<Double> xs) {
        int n = xs.size();
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double variance = xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (n - 1);
        double half = n < 2 ? Double.NaN
                : new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2) * Math.sqrt(variance / n);
        return String.format(Locale.ROOT, "%.2f ± %.2f", mean, half);
    }

    private static List<Double> flatten(Object rawData) {
        List<Double> values = new ArrayList<>();
        for (Object fork : (List<?>) rawData) {
            for (Object value : (List<?>) fork) {
                values.add(((Number) value).doubleValue());
            }
        }
        return values;
    }

    private static double seconds(String time) {
        String[] parts = time.trim().split(" ");
        double amount = Double.parseDouble(parts[0]);
        return switch (parts[1]) {
            case "s" -> amount;
            case "ms" -> amount / 1e3;
            default -> throw new IllegalArgumentException("unexpected measurement time " + time);
        };
    }

    /** Just enough JSON for JMH's result files: objects, arrays, strings, numbers, literals. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't', 'f', 'n' -> literal();
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (text.charAt(at) == '}') {
                at++;
                return map;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                at++; // ':'
                map.put(key, value());
                skipSpace();
                if (text.charAt(at++) == '}') {
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            skipSpace();
            if (text.charAt(at) == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (text.charAt(at++) == ']') {
                    return list;
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            for (char c; (c = text.charAt(at++)) != '"'; ) {
                out.append(c == '\\' ? text.charAt(at++) : c);
            }
            return out.toString();
        }

        private Object literal() {
            for (String word : new String[] {"true", "false", "null"}) {
                if (text.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            throw new IllegalArgumentException("bad JSON at " + at);
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String token = text.substring(start, at);
            if (token.isEmpty()) {
                // JMH writes NaN scores as the string "NaN"; anything else here is not JSON
                throw new IllegalArgumentException("bad JSON at " + at);
            }
            return Double.parseDouble(token);
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
