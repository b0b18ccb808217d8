package org.examgate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.examgate.credential.PasswordHashing;
import org.examgate.credential.PasswordHashingProperties;
import org.examgate.operations.CredentialNotice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The configured first admin is created without its username appearing in the log in full. */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    @Test
    void theConfiguredAdminsUsernameIsLoggedOnlyMasked(CapturedOutput output) {
        StaffAccountRepository accounts = mock(StaffAccountRepository.class);
        when(accounts.findByUsernameIgnoringCase(any())).thenReturn(Optional.empty());
        PasswordHashing hashing = new PasswordHashing(new PasswordHashingProperties(4), new SimpleMeterRegistry());
        AdminBootstrap bootstrap = new AdminBootstrap(accounts, hashing,
                new AdminProperties("chief.registrar", "a configured admin password", true),
                mock(CredentialNotice.class), Clock.systemUTC());

        bootstrap.afterSingletonsInstantiated();

        assertThat(output).contains("Admin account ch***********ar created from configuration")
                .doesNotContain("chief.registrar");
    }
}
