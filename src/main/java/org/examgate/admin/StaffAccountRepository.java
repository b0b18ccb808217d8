package org.examgate.admin;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface StaffAccountRepository extends JpaRepository<StaffAccount, UUID> {

    @Query("select a from StaffAccount a where lower(a.username) = lower(?1)")
    Optional<StaffAccount> findByUsernameIgnoringCase(String username);

    /**
     * The enabled admins, locked until the end of the transaction: two admins demoting each other at
     * the same moment are then serialised, and the second sees that it would leave none.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from StaffAccount a where a.enabled = true and a.role = org.examgate.admin.StaffRole.ADMIN")
    List<StaffAccount> lockEnabledAdmins();
}
