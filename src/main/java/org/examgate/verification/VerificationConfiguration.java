package org.examgate.verification;

import java.util.concurrent.Executor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

    /**
     * The database work after a hash (audit, lockout, roster) runs here rather than on the hash
     * threads, so that every hash thread only ever hashes. Its queue is bounded by admission: only
     * admitted verifications reach it.
     */
    @Bean
    Executor verificationCompletion(VerificationProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("verify-");
        executor.setCorePoolSize(properties.completionThreads());
        executor.setMaxPoolSize(properties.completionThreads());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return executor;
    }
}
