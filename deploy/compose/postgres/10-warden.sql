-- the services' databases (and Keycloak's), created on the first start of an empty data volume
CREATE DATABASE warden_cases;
CREATE DATABASE warden_notifications;
CREATE DATABASE keycloak;
