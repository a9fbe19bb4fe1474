package dev.warden.detection.campaign;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The senders of one fingerprint in one campaign window, each with its earliest sighting in the window, in
 * joining order, at most {@value #MAX_MEMBERS}. Joining is a set union with "earliest wins": the same
 * sightings give the same members and times in any arrival order, after replays and restarts.
 * The value of the tracker's store ({@link CampaignMembersSerde}); not thread-safe.
 */
public final class CampaignMembers {

    public static final int MAX_MEMBERS = 64;

    public record Member(String accountId, long earliestMillis) {
    }

    /** What a sighting did to the members. */
    public enum Join {
        /** A known sender, no earlier than before: nothing changed. */
        KNOWN,
        /** A known sender, earlier than before: its time moved, the size did not. */
        EARLIER,
        /** A new sender joined: the size grew by one. */
        JOINED,
        /** A new sender, but the window is full: not kept, the size reads "more than the cap". */
        OVER_CAP
    }

    private final List<Member> members;

    public CampaignMembers() {
        this.members = new ArrayList<>();
    }

    CampaignMembers(List<Member> members) {
        this.members = new ArrayList<>(members);
    }

    public Join join(String accountId, long atMillis) {
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (m.accountId().equals(accountId)) {
                if (atMillis >= m.earliestMillis()) {
                    return Join.KNOWN;
                }
                members.set(i, new Member(accountId, atMillis));
                return Join.EARLIER;
            }
        }
        if (members.size() >= MAX_MEMBERS) {
            return Join.OVER_CAP;
        }
        members.add(new Member(accountId, atMillis));
        return Join.JOINED;
    }

    public int size() {
        return members.size();
    }

    public List<Member> members() {
        return Collections.unmodifiableList(members);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CampaignMembers other && members.equals(other.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return "CampaignMembers" + members;
    }
}
