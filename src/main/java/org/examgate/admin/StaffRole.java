package org.examgate.admin;

/** What a staff account may do on the admin API. */
public enum StaffRole {
    /** Everything. */
    ADMIN,
    /** Read only. */
    VIEWER
}
