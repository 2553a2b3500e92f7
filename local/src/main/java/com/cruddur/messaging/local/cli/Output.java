package com.cruddur.messaging.local.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Rows of named columns, as an aligned table for a person or as a JSON array for scripts. */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> columns;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    Output(String... columns) {
        this.columns = List.of(columns);
    }

    Output row(Object... values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values[i]);
        }
        rows.add(row);
        return this;
    }

    int size() {
        return rows.size();
    }

    void print(PrintWriter out, boolean json) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(rows));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        int[] widths = columns.stream().mapToInt(String::length).toArray();
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                widths[i] = Math.max(widths[i], String.valueOf(row.get(columns.get(i))).length());
            }
        }
        out.println(line(columns.stream().map(Object.class::cast).toList(), widths));
        for (Map<String, Object> row : rows) {
            out.println(line(columns.stream().map(row::get).toList(), widths));
        }
    }

    private static String line(List<Object> values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String value = String.valueOf(values.get(i));
            line.append(i == values.size() - 1 ? value : String.format("%-" + widths[i] + "s  ", value));
        }
        return line.toString();
    }
}
