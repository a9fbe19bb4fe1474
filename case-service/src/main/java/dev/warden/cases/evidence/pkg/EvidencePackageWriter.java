package dev.warden.cases.evidence.pkg;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.warden.cases.crypto.Sha256;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.warden.cases.domain.DomainException;
import dev.warden.cases.evidence.Canonical;
import dev.warden.cases.evidence.CustodyLog;
import dev.warden.cases.evidence.CustodyRecord;
import dev.warden.cases.evidence.EvidenceConfig;
import dev.warden.cases.evidence.verify.PackageVerifier;
import dev.warden.contracts.json.WardenJson;

/**
 * Streams a case's evidence package as a ZIP: summary.html, items/NNNNNN-KIND.json (the canonical bytes
 * that were hashed), captures/NNNNNN.bin, manifest.json and CHECKSUMS.sha256 (sha256sum format).
 * Items are read page by page straight from JDBC and written as they come: the package is never held in
 * memory, only one small index row per item. Everything is bounded by the chain head read at the start,
 * and every query filters by the case id, so a package holds exactly one case as of one moment.
 */
@ApplicationScoped
public class EvidencePackageWriter {

    @Inject
    DataSource dataSource;

    @Inject
    EvidenceConfig config;

    @Inject
    CustodyLog custody;

    @Inject
    Clock clock;

    /** What is known about the case before streaming starts (so a 404 can still be answered). */
    public record CaseInfo(UUID caseId, String accountId, String accountType, String accountStatus, String caseStatus,
            String primaryViolation, Instant openedAt, int headSeq, String headHash) {
    }

    private record IndexRow(int seq, String kind, String file, String sha256, String prevHash, String captureFile,
            String captureSha256, Integer captureSize) {
    }

    public CaseInfo describe(UUID caseId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT c.account_id, a.account_type, a.status, c.status, "
                        + "c.primary_violation, c.opened_at, h.seq, h.hash FROM enforcement_case c "
                        + "JOIN account a ON a.id = c.account_id LEFT JOIN evidence_chain_head h ON h.case_id = c.id "
                        + "WHERE c.id = ?")) {
            ps.setObject(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw DomainException.notFound("case", caseId);
                }
                return new CaseInfo(caseId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7),
                        rs.getString(8) == null ? Canonical.GENESIS : rs.getString(8));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read case " + caseId, e);
        }
    }

    /**
     * Writes the package and records it in the chain of custody: started before the first byte, then
     * completed with the SHA-256 of the bytes handed out, or interrupted (with the hash of what did go out).
     */
    public String write(CaseInfo info, String exporter, OutputStream out) throws IOException {
        MessageDigest whole = Sha256.newDigest();
        custody.record(info.caseId(), exporter, CustodyRecord.Action.EXPORT_STARTED,
                "evidence package export started, items up to seq " + info.headSeq(), info.headHash(), null);
        try {
            return writePackage(info, exporter, out, whole);
        } catch (IOException | RuntimeException e) {
            custody.record(info.caseId(), exporter, CustodyRecord.Action.EXPORT_INTERRUPTED,
                    "evidence package export interrupted: " + e.getClass().getSimpleName(), info.headHash(),
                    Sha256.hex(whole));
            throw e;
        }
    }

    private String writePackage(CaseInfo info, String exporter, OutputStream out, MessageDigest whole) throws IOException {
        Instant exportedAt = clock.instant();
        List<IndexRow> index = new ArrayList<>();
        StringBuilder checksums = new StringBuilder();
        DigestOutputStream counted = new DigestOutputStream(out, whole);
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(counted, 64 * 1024), StandardCharsets.UTF_8);
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            try (Entry e = new Entry(zip, "summary.html", checksums)) {
                SummaryHtml.write(c, info, exporter, exportedAt, config.exportPageSize(), e);
            }
            forEachItem(c, info, "SELECT seq, kind, canonical, hash, prev_hash, capture_sha256, capture_size "
                    + "FROM evidence_item WHERE case_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?", rs -> {
                        int seq = rs.getInt(1);
                        String file = String.format("items/%06d-%s.json", seq, rs.getString(2));
                        try (Entry e = new Entry(zip, file, checksums)) {
                            e.write(rs.getString(3).getBytes(StandardCharsets.UTF_8));
                        }
                        String captureSha = rs.getString(6);
                        index.add(new IndexRow(seq, rs.getString(2), file, rs.getString(4), rs.getString(5),
                                captureSha == null ? null : String.format("captures/%06d.bin", seq), captureSha,
                                captureSha == null ? null : rs.getInt(7)));
                        return seq;
                    });
            forEachItem(c, info, "SELECT seq, capture FROM evidence_item WHERE case_id = ? AND seq > ? AND seq <= ? "
                    + "AND capture IS NOT NULL ORDER BY seq LIMIT ?", rs -> {
                        int seq = rs.getInt(1);
                        try (Entry e = new Entry(zip, String.format("captures/%06d.bin", seq), checksums);
                                InputStream in = rs.getBinaryStream(2)) {
                            in.transferTo(e);
                        }
                        return seq;
                    });
        } catch (SQLException e) {
            throw new IOException("cannot read the evidence of case " + info.caseId(), e);
        }
        try (Entry e = new Entry(zip, "manifest.json", checksums)) {
            writeManifest(e, info, exporter, exportedAt, index);
        }
        zip.putNextEntry(new ZipEntry(PackageVerifier.CHECKSUMS));
        zip.write(checksums.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
        String handedOut = Sha256.hex(whole);
        custody.record(info.caseId(), exporter, CustodyRecord.Action.EXPORT_PACKAGE,
                "evidence package export completed with " + index.size() + " items up to seq " + info.headSeq(), info.headHash(), handedOut);
        return handedOut;
    }

    private interface RowHandler {
        int handle(ResultSet rs) throws SQLException, IOException;
    }

    /** Keyset paging over the case's items up to the chain head read at the start. */
    private void forEachItem(Connection c, CaseInfo info, String sql, RowHandler handler) throws SQLException, IOException {
        int after = 0;
        while (after < info.headSeq()) {
            int last = after;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, info.caseId());
                ps.setInt(2, after);
                ps.setInt(3, info.headSeq());
                ps.setInt(4, config.exportPageSize());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = handler.handle(rs);
                    }
                }
            }
            if (last == after) {
                return;
            }
            after = last;
        }
    }

    private static void writeManifest(OutputStream out, CaseInfo info, String exporter, Instant exportedAt,
            List<IndexRow> index) throws IOException {
        try (JsonGenerator g = WardenJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", "warden-evidence-package/1");
            g.writeObjectField("case", Map.of("id", info.caseId().toString(), "status", info.caseStatus(),
                    "primaryViolation", info.primaryViolation(), "openedAt", info.openedAt().toString()));
            g.writeObjectFieldStart("account");
            g.writeStringField("id", info.accountId());
            g.writeStringField("type", info.accountType());
            g.writeStringField("status", info.accountStatus());
            g.writeEndObject();
            g.writeStringField("exportedAt", exportedAt.toString());
            g.writeStringField("exportedBy", exporter);
            g.writeObjectField("chainHead", Map.of("seq", info.headSeq(), "sha256", info.headHash()));
            g.writeStringField("hashing", "sha256 over each items/ file's bytes; line 1 names the predecessor's hash");
            g.writeArrayFieldStart("items");
            for (IndexRow r : index) {
                g.writeStartObject();
                g.writeNumberField("seq", r.seq());
                g.writeStringField("kind", r.kind());
                g.writeStringField("file", r.file());
                g.writeStringField("sha256", r.sha256());
                g.writeStringField("prevHash", r.prevHash());
                if (r.captureFile() != null) {
                    g.writeStringField("captureFile", r.captureFile());
                    g.writeStringField("captureSha256", r.captureSha256());
                    g.writeNumberField("captureSize", r.captureSize());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }


    /** One ZIP entry that hashes what passes through it and lists itself in CHECKSUMS on close. */
    static final class Entry extends FilterOutputStream {
        private final ZipOutputStream zip;
        private final String name;
        private final StringBuilder checksums;
        private final MessageDigest md = Sha256.newDigest();

        Entry(ZipOutputStream zip, String name, StringBuilder checksums) throws IOException {
            super(zip);
            this.zip = zip;
            this.name = name;
            this.checksums = checksums;
            zip.putNextEntry(new ZipEntry(name));
        }

        @Override
        public void write(int b) throws IOException {
            md.update((byte) b);
            zip.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            md.update(b, off, len);
            zip.write(b, off, len);
        }


        @Override
        public void close() throws IOException {
            zip.closeEntry();
            checksums.append(Sha256.hex(md)).append("  ").append(name).append('\n');
        }
    }
}
