package org.communitydesk.ticket;

/** Why the lead organization sends an order back (退单); the values of ticket_return's check constraint. */
public enum ReturnReason {
    /** Not ours: the place or the matter is outside the organization's jurisdiction (非本单位职责). */
    NOT_OUR_JURISDICTION,
    /** The address is wrong or cannot be found (地址有误). */
    WRONG_ADDRESS,
    /** Another agency must handle it (需其他部门处理). */
    NEEDS_ANOTHER_AGENCY,
    /** The same problem is already on another order (重复工单). */
    DUPLICATE
}
