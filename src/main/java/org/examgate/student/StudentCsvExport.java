package org.examgate.student;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry as a CSV the import reads back: the student fields, then one column per attribute key,
 * never a password or hash. Written page by page (keyset on the student number), so neither the
 * registry nor a long transaction is held while a slow client downloads.
 */
@Component
class StudentCsvExport {

    private static final int PAGE_SIZE = 1000;

    private final JdbcClient jdbc;
    private final AttributeCells cells;

    StudentCsvExport(JdbcClient jdbc, AttributeCells cells) {
        this.jdbc = jdbc;
        this.cells = cells;
    }

    void writeTo(OutputStream out) throws IOException {
        List<String> keys = new ArrayList<>(new TreeSet<>(
                jdbc.sql("select distinct jsonb_object_keys(attributes) from student").query(String.class).list()));
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        List<String> header = new ArrayList<>();
        StudentColumn.EXPORTED.forEach(column -> header.add(column.header()));
        keys.forEach(key -> header.add(StudentCsvHeader.exportName(key)));
        printer.printRecord(header);
        String after = "";
        List<List<String>> page;
        do {
            page = page(after, keys);
            for (List<String> row : page) {
                printer.printRecord(row);
            }
            printer.flush();
            after = page.isEmpty() ? after : page.get(page.size() - 1).get(0);
        } while (page.size() == PAGE_SIZE);
        printer.flush();
    }

    private List<List<String>> page(String after, List<String> keys) {
        return jdbc.sql("""
                        select student_number, matric_number, email, full_name, about, status, photo_url,
                               attributes::text as attributes
                          from student where student_number > :after order by student_number limit :limit
                        """)
                .param("after", after).param("limit", PAGE_SIZE)
                .query((rs, rowNumber) -> {
                    List<String> row = new ArrayList<>(StudentColumn.EXPORTED.size() + keys.size());
                    for (String column : List.of("student_number", "matric_number", "email", "full_name", "about",
                            "status", "photo_url")) {
                        String value = rs.getString(column);
                        row.add(value == null ? "" : value);
                    }
                    Map<String, Object> attributes = cells.parse(rs.getString("attributes"));
                    keys.forEach(key -> row.add(cells.cell(attributes.get(key))));
                    return row;
                })
                .list();
    }
}
