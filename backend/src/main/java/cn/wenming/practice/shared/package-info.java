/**
 * Technical, feature-free code every feature may use: errors ({@code DomainException},
 * {@code ErrorCode}), GraphQL set-up and scalars, cursor connections, WeChat client set-up and
 * content security, field encryption and masking, Redis helpers ({@code GeoIndex},
 * {@code RedisScan}), the clock, the scheduler lock and deadlock retries. Declared a shared module
 * ({@code @Modulithic(sharedModules = "shared")} on the application), so every module may use it
 * without listing it; it depends on no feature.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package cn.wenming.practice.shared;
