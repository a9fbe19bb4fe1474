package dev.warden.cases.evidence.pkg;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import dev.warden.cases.evidence.Canonical;

/**
 * The part of the package a lawyer reads: who the account is, what was decided, by whom, under which
 * policy, and the full timeline of evidence. Written row by row as the items are read.
 */
final class SummaryHtml {

    private SummaryHtml() {
    }

    static void write(Connection c, EvidencePackageWriter.CaseInfo info, String exporter, Instant exportedAt,
            int pageSize, OutputStream out) throws IOException, SQLException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evidence package, case "
                + info.caseId() + "</title><style>body{font-family:sans-serif}table{border-collapse:collapse}"
                + "td,th{border:1px solid #999;padding:4px;vertical-align:top}code{font-size:smaller}</style></head><body>\n");
        w.write("<h1>Evidence package</h1>\n<table>");
        row(w, "Case", info.caseId().toString());
        row(w, "Case status", info.caseStatus());
        row(w, "Primary violation", info.primaryViolation());
        row(w, "Case opened", info.openedAt().toString());
        row(w, "Account", info.accountId());
        row(w, "Account type", info.accountType());
        row(w, "Account status", info.accountStatus());
        row(w, "Exported by", exporter);
        row(w, "Exported at", exportedAt.toString());
        row(w, "Items", String.valueOf(info.headSeq()));
        row(w, "Chain head (SHA-256 of the last item)", info.headHash());
        w.write("</table>\n<h2>What was decided</h2>\n<table><tr><th>When (UTC)</th><th>Decision</th><th>By</th>"
                + "<th>Automated</th><th>Policy rule</th><th>Reason</th></tr>\n");
        try (PreparedStatement ps = c.prepareStatement("SELECT decided_at, action, actor, automated, policy_rule_id, "
                + "policy_version, reason_code, reason_text FROM decision WHERE case_id = ? ORDER BY decided_at")) {
            ps.setObject(1, info.caseId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String rule = rs.getString(5) == null ? "none (reviewer's judgement)"
                            : rs.getString(5) + " v" + rs.getInt(6);
                    w.write("<tr><td>" + rs.getTimestamp(1).toInstant() + "</td><td>" + esc(rs.getString(2)) + "</td><td>"
                            + esc(rs.getString(3)) + "</td><td>" + (rs.getBoolean(4) ? "yes" : "no") + "</td><td>"
                            + esc(rule) + "</td><td>" + esc(rs.getString(7)) + ": " + esc(rs.getString(8)) + "</td></tr>\n");
                }
            }
        }
        w.write("</table>\n<h2>Timeline of evidence</h2>\n<p>Each item's file in <code>items/</code> is exactly the "
                + "text that was hashed; its first line names the hash of the item before it. Check the package with "
                + "the verifier or with <code>sha256sum -c CHECKSUMS.sha256</code>.</p>\n<table><tr><th>#</th>"
                + "<th>Recorded (UTC)</th><th>Kind</th><th>By</th><th>What</th><th>SHA-256</th></tr>\n");
        int after = 0;
        while (after < info.headSeq()) {
            int last = after;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, recorded_at, kind, recorded_by, canonical, hash "
                    + "FROM evidence_item WHERE case_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?")) {
                ps.setObject(1, info.caseId());
                ps.setInt(2, after);
                ps.setInt(3, info.headSeq());
                ps.setInt(4, pageSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getInt(1);
                        w.write("<tr><td>" + last + "</td><td>" + rs.getTimestamp(2).toInstant() + "</td><td>"
                                + rs.getString(3) + "</td><td>" + esc(rs.getString(4)) + "</td><td>"
                                + esc(describe(rs.getString(3), rs.getString(5))) + "</td><td><code>" + rs.getString(6)
                                + "</code></td></tr>\n");
                    }
                }
            }
            if (last == after) {
                break;
            }
            after = last;
        }
        w.write("</table>\n</body></html>\n");
        w.flush();
    }

    @SuppressWarnings("unchecked")
    static String describe(String kind, String canonical) {
        Map<String, Object> content = (Map<String, Object>) Canonical.parseBody(canonical).get("content");
        if (content == null) {
            return "";
        }
        switch (kind) {
            case "SIGNAL": {
                Map<String, Object> s = (Map<String, Object>) content.get("signal");
                return s == null ? "detection signal" : "Detected " + s.get("violation") + " (score " + s.get("score")
                        + ", rule " + s.get("ruleId") + " v" + s.get("ruleVersion") + "): " + s.get("summary");
            }
            case "NOTE":
                return "Reviewer note: " + content.get("text");
            case "DECISION":
                return "Decision " + content.get("action") + (Boolean.TRUE.equals(content.get("automated"))
                        ? " (automated)" : "") + " by " + content.get("actor")
                        + (content.get("policyRuleId") == null ? "" : " under policy rule " + content.get("policyRuleId")
                                + " v" + content.get("policyVersion")) + ": " + content.get("reasonText");
            case "STATEMENT_OF_REASONS":
                return "DSA statement of reasons " + content.get("puid");
            case "OFF_PLATFORM":
                return "Off-platform evidence from " + content.get("url") + ", captured " + content.get("capturedAt")
                        + " (" + content.get("captureSize") + " bytes, SHA-256 " + content.get("contentSha256") + ")"
                        + (content.get("description") == null ? "" : ": " + content.get("description"));
            default:
                return kind;
        }
    }

    private static void row(Writer w, String k, String v) throws IOException {
        w.write("<tr><th>" + esc(k) + "</th><td>" + esc(v) + "</td></tr>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
