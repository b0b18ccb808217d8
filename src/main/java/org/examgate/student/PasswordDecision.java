package org.examgate.student;

/**
 * What a plain password in the file does to the stored hash, decided once it has been hashed.
 *
 * @param checkedAgainst the stored hash the password was compared with, or null if there was none
 * @param newHash the hash to store, or null when the password is the one already stored
 */
record PasswordDecision(String checkedAgainst, String newHash) {

    @Override
    public String toString() {
        return "PasswordDecision[***]";
    }
}
