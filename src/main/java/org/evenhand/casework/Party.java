package org.evenhand.casework;

public enum Party {
    COMPLAINANT, RESPONDENT;

    public Party other() {
        return this == COMPLAINANT ? RESPONDENT : COMPLAINANT;
    }

    public String label() {
        return this == COMPLAINANT ? "complainant" : "respondent";
    }
}
