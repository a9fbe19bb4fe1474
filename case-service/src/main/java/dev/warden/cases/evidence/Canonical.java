package dev.warden.cases.evidence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.warden.cases.crypto.Sha256;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.warden.contracts.json.WardenJson;

/**
 * The canonical form of an evidence item, the text its SHA-256 is taken over:
 * <pre>
 * warden-evidence/1 case=&lt;uuid&gt; seq=&lt;n&gt; kind=&lt;KIND&gt; prev=&lt;64 hex&gt;
 * {JSON with keys sorted at every level, no insignificant whitespace}
 * </pre>
 * The header line lets a verifier without a JSON parser (see verify.PackageVerifier) check the chain.
 */
public final class Canonical {

    public static final String GENESIS = "0".repeat(64);
    public static final String HEADER_PREFIX = "warden-evidence/1 ";

    private static final ObjectMapper SORTED = WardenJson.configure(new ObjectMapper())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

    private Canonical() {
    }

    public static String render(UUID caseId, int seq, String prevHash, EvidenceKind kind, String sourceId,
            Instant recordedAt, String recordedBy, Map<String, Object> content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId.toString());
        body.put("seq", seq);
        body.put("prevHash", prevHash);
        body.put("kind", kind.name());
        body.put("sourceId", sourceId);
        body.put("recordedAt", recordedAt.toString());
        body.put("recordedBy", recordedBy);
        body.put("content", content);
        return HEADER_PREFIX + "case=" + caseId + " seq=" + seq + " kind=" + kind + " prev=" + prevHash + "\n" + json(body);
    }

    /** Sorted-key JSON of any value (maps and records alike), the same bytes for the same data. */
    @SuppressWarnings("unchecked")
    public static String json(Object value) {
        try {
            Object tree = value instanceof Map ? value : SORTED.convertValue(value, Map.class);
            return SORTED.writeValueAsString(SORTED.convertValue(tree, Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot render evidence content", e);
        }
    }

    public static Map<String, Object> parseBody(String canonical) {
        try {
            return SORTED.readValue(canonical.substring(canonical.indexOf('\n') + 1),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
                    });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence is not canonical JSON", e);
        }
    }

    public static String sha256(String text) {
        return Sha256.hex(text);
    }

    public static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
