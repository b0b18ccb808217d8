package org.examgate.admin;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffAccountRepository extends JpaRepository<StaffAccount, UUID> {

    @Query("select a from StaffAccount a where lower(a.username) = lower(?1)")
    Optional<StaffAccount> findByUsernameIgnoringCase(String username);
}
