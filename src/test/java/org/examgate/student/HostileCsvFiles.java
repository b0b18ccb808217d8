package org.examgate.student;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.examgate.support.HostileBody;
import org.examgate.support.HostileText;
import org.examgate.support.Mutations;

/**
 * Student files as staff might upload them after a spreadsheet, an editor or a broken transfer had
 * its way with them.
 *
 * @param prefix starts every student number, e-mail and matric number of the valid files, so that the
 *     students they create are this run's alone
 */
record HostileCsvFiles(String prefix) {

    /** A real bcrypt hash (cost 4), so that valid rows carry a stored password without costing a hash each. */
    private static final String HASH = "{bcrypt}$2a$04$u.seFS.SVS5YmTNSZFFaZOoCr70u07JceT6pZcSrYCwWOmpBZ53.y";
    private static final List<String> COLUMNS = List.of("studentNumber", "matricNumber", "email", "fullName", "about",
            "status", "photoUrl", "password", "passwordHash", "Student Number", "E-mail", "attributes.email",
            "faculty", "", "level", "STUDENT_NUMBER", "attributes.");
    private static final List<String> NOT_A_FILE = List.of("", "\uFEFF", "\n\n", "studentNumber", "studentNumber\n",
            ",,,\n", "\"", "\"studentNumber", "\uFEFF\uFEFFstudentNumber,fullName\nx,y\n", "studentNumber\r\n\r\n",
            "sep=;\nstudentNumber;fullName\nx;y\n", "studentNumber,studentNumber\n", "\u0000", "studentNumber\n\"x");
    private static final List<String> WRONG_VALUES = List.of("null", "NULL", "true", "[]", "{}", "{\"a\":1}", "active",
            "Active", "1", "-1", "0", "a@b", "@", "x@y@z", "http://", "javascript:alert(1)", "ftp://x/y", "ACTIVE ",
            "=cmd|' /C calc'!A0", "+1", "@SUM(1)");
    private static final List<String> CONTENT_TYPES = Arrays.asList(null, "application/csv", "text/plain",
            "text/csv; charset=ISO-8859-1", "text/plain; charset=utf-16", "multipart/form-data; boundary=x",
            "application/json", "garbage", "text/csv;;;=", "text/csv; charset=nonsense", "application/octet-stream");
    private static final List<String> QUERIES = List.of("", "", "", "?dryRun=true", "?atomic=true",
            "?dryRun=true&atomic=true", "?dryRun=maybe", "?atomic=%ff");

    /** The file every mutation starts from: every column, quoting, an empty cell, a stored hash. */
    String valid(char delimiter) {
        String header = String.join(",", "studentNumber", "matricNumber", "email", "fullName", "about", "status",
                "photoUrl", "passwordHash", "faculty", "level");
        String rows = IntStream.rangeClosed(1, 4).mapToObj(i -> String.join(",", prefix + "-" + i,
                        "M-" + prefix + "-" + i, prefix + "-" + i + "@uni.example",
                        i == 2 ? "\"Obi, \"\"Ada\"\"\"" : "Student " + i, i == 3 ? "\"two\nlines\"" : "",
                        i == 4 ? "SUSPENDED" : "ACTIVE", i == 1 ? "https://photos.uni.example/" + i + ".jpg" : "",
                        i == 1 ? HASH : "", "Science", "" + 100 * i))
                .collect(Collectors.joining("\n"));
        String csv = header + "\n" + rows + "\n";
        return delimiter == ',' ? csv : csv.replace(',', delimiter);
    }

    HostileBody next(SplittableRandom random) {
        HostileBody body = body(random);
        String query = pick(random, QUERIES);
        int roll = random.nextInt(100);
        if (roll < 10) {
            return new HostileBody(body.kind() + " as multipart", "multipart/form-data; boundary=fz", query,
                    multipart(body.bytes()));
        }
        if (roll < 20) {
            return new HostileBody(body.kind(), pick(random, CONTENT_TYPES), query, body.bytes());
        }
        return new HostileBody(body.kind(), "text/csv", query, body.bytes());
    }

    private HostileBody body(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 40) {
            String base = valid(random.nextInt(4) == 0 ? ';' : ',');
            return bytes("valid file mutation", Mutations.mutate(random, base.getBytes(StandardCharsets.UTF_8)));
        }
        if (roll < 62) {
            return text("random columns and cells", randomFile(random));
        }
        if (roll < 70) {
            return bytes("invalid UTF-8", withInvalidUtf8(random, valid(',').getBytes(StandardCharsets.UTF_8)));
        }
        if (roll < 76) {
            return text("wrong types, nulls and huge numbers", wrongValues(random));
        }
        if (roll < 80) {
            return text("thousands of columns", thousandsOfColumns(random));
        }
        if (roll < 84) {
            return text("very long cells", longCells(random));
        }
        if (roll < 87) {
            return text("deep nesting", random.nextBoolean() ? HostileText.deepNesting(random)
                    : "studentNumber,fullName\n" + prefix + "-n,\"" + HostileText.deepNesting(random) + "\"\n");
        }
        if (roll < 94) {
            return text("empty or no header", pick(random, NOT_A_FILE));
        }
        return bytes("random bytes", HostileText.randomBytes(random));
    }

    private String randomFile(SplittableRandom random) {
        char delimiter = random.nextBoolean() ? ',' : ';';
        int width = 1 + random.nextInt(8);
        List<String> header = new ArrayList<>(List.of("studentNumber"));
        IntStream.range(1, width).forEach(i -> header.add(random.nextInt(4) == 0 ? HostileText.nasty(random)
                : pick(random, COLUMNS)));
        header.add(0, header.remove(random.nextInt(header.size())));
        StringBuilder csv = new StringBuilder(row(header, delimiter));
        for (int r = random.nextInt(6); r > 0; r--) {
            List<String> cells = IntStream.range(0, random.nextInt(width + 2))
                    .mapToObj(i -> cell(random)).toList();
            csv.append(row(cells, delimiter));
        }
        return csv.toString();
    }

    private String cell(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> HostileText.nasty(random);
            case 1 -> pick(random, WRONG_VALUES);
            case 2 -> HostileText.hugeNumber(random);
            case 3 -> "";
            default -> prefix + "-r" + random.nextInt(50);
        };
    }

    private String wrongValues(SplittableRandom random) {
        List<String> header = List.of("studentNumber", "fullName", "email", "status", "photoUrl", "passwordHash",
                "level");
        StringBuilder csv = new StringBuilder(row(header, ','));
        for (int r = 1 + random.nextInt(5); r > 0; r--) {
            String number = random.nextInt(3) == 0 ? pick(random, WRONG_VALUES) : prefix + "-w" + random.nextInt(50);
            csv.append(row(List.of(number, pick(random, WRONG_VALUES), pick(random, WRONG_VALUES),
                    pick(random, WRONG_VALUES), pick(random, WRONG_VALUES), pick(random, WRONG_VALUES),
                    HostileText.hugeNumber(random)), ','));
        }
        return csv.toString();
    }

    private String thousandsOfColumns(SplittableRandom random) {
        int columns = pick(random, List.of(1_000, 5_000, 20_000));
        List<String> header = new ArrayList<>(List.of("studentNumber", "fullName"));
        IntStream.range(0, columns).forEach(i -> header.add(random.nextInt(50) == 0 ? "faculty" : "a" + i));
        List<String> cells = new ArrayList<>(List.of(prefix + "-t" + random.nextInt(50), "Wide"));
        IntStream.range(0, random.nextBoolean() ? columns : columns * 2).forEach(i -> cells.add("v" + i));
        return row(header, ',') + row(cells, ',');
    }

    private String longCells(SplittableRandom random) {
        String text = HostileText.longText(random);
        return switch (random.nextInt(4)) {
            case 0 -> row(List.of("studentNumber", "fullName"), ',') + row(List.of(text, "Long Number"), ',');
            case 1 -> row(List.of("studentNumber", "fullName", "about"), ',')
                    + row(List.of(prefix + "-l" + random.nextInt(50), text, text), ',');
            case 2 -> row(List.of("studentNumber", "fullName", text), ',')
                    + row(List.of(prefix + "-l1", "N", text), ',');
            default -> row(List.of("studentNumber", "fullName", "password"), ',')
                    + row(List.of(prefix + "-l2", "Long Password", text), ',');
        };
    }

    private static byte[] withInvalidUtf8(SplittableRandom random, byte[] csv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = random.nextInt(csv.length + 1);
        out.write(csv, 0, at);
        out.writeBytes(HostileText.invalidUtf8(random));
        out.write(csv, at, csv.length - at);
        return out.toByteArray();
    }

    /** One row, every cell quoted where CSV needs it. */
    private static String row(List<String> cells, char delimiter) {
        return cells.stream().map(cell -> cell.matches("(?s).*[\",;\r\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\""
                : cell).collect(Collectors.joining(String.valueOf(delimiter), "", "\n"));
    }

    private static byte[] multipart(byte[] csv) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--fz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"students.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes("\r\n--fz--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static HostileBody text(String kind, String csv) {
        return bytes(kind, csv.getBytes(StandardCharsets.UTF_8));
    }

    private static HostileBody bytes(String kind, byte[] csv) {
        return new HostileBody(kind, "text/csv", csv);
    }

    private static <T> T pick(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
