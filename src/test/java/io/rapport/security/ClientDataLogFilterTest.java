package io.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class ClientDataLogFilterTest {

    private final ClientDataLogFilter filter = new ClientDataLogFilter();

    @Test
    void shouldMaskAnEmailPassedAsAParameter() {
        ExtLogRecord record = record("Reminder sent to %s for assignment %s", ExtLogRecord.FormatStyle.PRINTF,
                "jane.o'doe+x@clinic.example.org", "3f1c2a9e-1b2c-4d5e-8f90-123456789abc");

        assertThat(filter.isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage()).isEqualTo(
                "Reminder sent to ***@*** for assignment 3f1c2a9e-1b2c-4d5e-8f90-123456789abc");
    }

    @Test
    void shouldMaskTheRowValuesPostgresQuotes() {
        assertThat(ClientDataLogFilter.mask("ERROR: duplicate key value violates unique constraint \"client_email\"\n"
                + "  Detail: Key (organization_id, display_name)=(5b0e, Jane (Janie) Doe) already exists."))
                .isEqualTo("ERROR: duplicate key value violates unique constraint \"client_email\"\n"
                        + "  Detail: Key (organization_id, display_name)=(***) already exists.");
        assertThat(ClientDataLogFilter.mask("new row violates check constraint \"x\"\n"
                + "  Detail: Failing row contains (1, Jane Doe, jane@x.org, de)."))
                .isEqualTo("new row violates check constraint \"x\"\n  Detail: Failing row contains (***)");
    }

    @Test
    void shouldMaskKeysTokensAndFormLinks() {
        String token = "kq3V9xY2mN8pL4tR7wZ1aB6cD0eF5gH";
        assertThat(ClientDataLogFilter.mask("GET /f/" + token + " and POST /api/v1/forms/" + token + "/responses"))
                .isEqualTo("GET /f/*** and POST /api/v1/forms/***/responses");
        assertThat(ClientDataLogFilter.mask("key rpk_AbC-123_xyz rejected")).isEqualTo("key rpk_*** rejected");
        assertThat(ClientDataLogFilter.mask("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln end"))
                .isEqualTo("token [jwt ***] end");
        assertThat(ClientDataLogFilter.mask("binding parameter (1:VARCHAR) <- [Jane Doe]"))
                .isEqualTo("binding parameter (1:VARCHAR) <- [***]");
        assertThat(ClientDataLogFilter.mask("Cannot deserialize value of type `int` from String \"Jane \\\"J\\\" Doe\": x"))
                .isEqualTo("Cannot deserialize value of type `int` from String \"***\": x");
    }

    @Test
    void shouldLeaveIdsAndOrdinaryTextAlone() {
        String line = "Created session 7 of pair 3f1c2a9e-1b2c-4d5e-8f90-123456789abc (c-1) in 12 ms at /f/short";
        assertThat(ClientDataLogFilter.mask(line)).isEqualTo(line);
    }

    @Test
    void shouldMaskExceptionMessagesAlongTheCauseChainAndKeepClassesAndStacks() {
        SQLException root = new SQLException("Key (email)=(jane@clinic.example.org) already exists");
        IllegalStateException thrown = new IllegalStateException("storing client jane@clinic.example.org", root);
        ExtLogRecord record = record("failed", ExtLogRecord.FormatStyle.NO_FORMAT);
        record.setThrown(thrown);

        filter.isLoggable(record);

        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("jane@")
                .contains("java.lang.IllegalStateException: storing client ***@***")
                .contains("Caused by: java.sql.SQLException: Key (email)=(***) already exists")
                .contains(getClass().getName() + ".shouldMaskExceptionMessagesAlongTheCauseChainAndKeepClassesAndStacks");
        assertThat(record.getThrown().getStackTrace()).isEqualTo(thrown.getStackTrace());
    }

    private static ExtLogRecord record(String format, ExtLogRecord.FormatStyle style, Object... params) {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, format, style, ClientDataLogFilterTest.class.getName());
        record.setParameters(params.length == 0 ? null : params);
        return record;
    }
}
