package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Tests for {@link ZeekTsvEnricher}. */
class ZeekTsvEnricherTests {

    private static final String HEADER = """
            #separator \\x09
            #set_separator	,
            #empty_field	(empty)
            #unset_field	-
            #path	conn
            #fields	ts	uid	id.orig_h	id.orig_p	id.resp_h	id.resp_p	proto	service
            #types	time	string	addr	port	addr	port	enum	string
            """;

    private String[] enrich(String input) throws IOException {
        StringWriter out = new StringWriter();
        new ZeekTsvEnricher(EnricherFixtures.index()).enrich(new BufferedReader(new StringReader(input)), out);
        return out.toString().split("\n");
    }

    @Test
    void addsTwoSetColumnsToTheHeadersAndEveryRecord() throws IOException {
        String record = "1795996800.250000\tC1\t10.0.0.1\t50000\t10.0.0.2\t443\ttcp\tssl";
        String[] out = enrich(HEADER + record + "\n#close\t2026-11-30-01-00-00\n");
        assertThat(out[0]).isEqualTo("#separator \\x09");
        assertThat(out[5]).endsWith("\tservice\torig_seuids\tresp_seuids\tattribution_tier\tattribution_complete");
        assertThat(out[6]).endsWith("\tstring\tset[string]\tset[string]\tstring\tbool");
        // The record is older than retention (24 h before now): memory answered, complete=F.
        assertThat(out[7])
                .isEqualTo(record + "\t" + EnricherFixtures.CONNECT + "\t" + EnricherFixtures.BIND + "\tmemory\tF");
        assertThat(out[8]).isEqualTo("#close\t2026-11-30-01-00-00");
    }

    @Test
    void writesTheEmptyFieldForAnEmptySet() throws IOException {
        String[] out = enrich(HEADER + "-\tC2\t192.0.2.1\t1\t192.0.2.2\t2\tudp\t-\n");
        assertThat(out[7]).endsWith("\t-\t(empty)\t(empty)\tnone\tT");
    }

    @Test
    void reportsMalformedRecordsAndProcessesTheRest() throws IOException {
        String good = "1795996800.250000\tC1\t10.0.0.1\t50000\t10.0.0.2\t443\ttcp\tssl";
        String[] out = enrich(HEADER + "short\tline\n" + "-\tC3\tnot-an-ip\t1\t10.0.0.2\t443\ttcp\t-\n" + good + "\n");
        assertThat(out[7]).isEqualTo("#error\tline 8: expected 8 fields, found 2");
        assertThat(out[8]).isEqualTo("short\tline");
        assertThat(out[9]).isEqualTo("#error\tline 9: id.orig_h: 'not-an-ip' is not an IP address");
        assertThat(out[10]).endsWith("\t-\t-");
        assertThat(out[11]).startsWith(good + "\t" + EnricherFixtures.CONNECT);
    }

    @Test
    void reportsRecordsBeforeAnyFieldsHeader() throws IOException {
        String[] out = enrich("1\t2\n");
        assertThat(out[0]).isEqualTo("#error\tline 1: record before any #fields header");
        assertThat(out[1]).isEqualTo("1\t2");
    }
}
