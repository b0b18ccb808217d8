package org.examgate.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The admin API's OpenAPI description: who may call it, so that Swagger UI's "Authorize" button
 * works with a staff account or an API token.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "examgate admin API", version = "v1",
                description = "The university's student registry, exams, rosters, access codes and audit trail. "
                        + "Errors are RFC 9457 problem+json; lists are paged (page from 0, size 1..500)."),
        security = {@SecurityRequirement(name = "staff"), @SecurityRequirement(name = "token")})
@SecurityScheme(name = "staff", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A staff account: ADMIN may do everything, VIEWER only read")
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token (egt_...) created at /api/v1/api-tokens")
class OpenApiConfiguration {
}
