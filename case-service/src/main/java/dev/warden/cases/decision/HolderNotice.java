package dev.warden.cases.decision;

/**
 * Whether the account holder was told of a published decision. The platform's registration (the only
 * source of the address) and a signal travel on different topics, so a decision can come first: it is
 * then announced without a recipient and told late, once the address arrives.
 */
public enum HolderNotice {
    /** the decision's own event carried the address */
    ADDRESSED,
    /** announced without a recipient; waiting for the platform's address */
    AWAITING_ADDRESS,
    /** announced again, with the address, as a late notice */
    SENT_LATE,
    /** the address arrived after a later decision on the same case superseded this one */
    SUPERSEDED
}
