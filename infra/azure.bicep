// CSP Move Assistant on Azure, with no key or password anywhere:
// - a user-assigned managed identity: it is the bot's identity (Azure Bot, UserAssignedMSI) and the one that
//   reads and writes the bot's state in Blob Storage (Storage Blob Data Contributor);
// - a storage account that accepts Entra ID tokens only (shared keys off, no public blob access, TLS 1.2);
// - a Linux App Service (Node LTS) that runs the bundle `npm run bundle` makes, from the zip as deployed
//   (WEBSITE_RUN_FROM_PACKAGE), with /readyz as its health check;
// - an Azure Bot pointing at it, with the Microsoft Teams channel.
// Deployed by `atk provision` (m365agents.yml, arm/deploy) or `az deployment group create` (README, Deploy).

@minLength(4)
@maxLength(20)
@description('Used to name every resource here (letters, digits and hyphens).')
param resourceBaseName string

@maxLength(42)
@description('The bot\'s display name in the Azure Bot resource.')
param botDisplayName string

@description('App Service plan size. B1 or larger: the free and shared plans have no Always On.')
param webAppSku string = 'B1'

@description('App Service\'s Node runtime (az webapp list-runtimes --os linux). The bot supports Node 20.12+, 22 and 24.')
param linuxFxVersion string = 'NODE|22-lts'

@description('The Blob container that holds the bot\'s state.')
param blobContainerName string = 'bot-state'

@description('Days a check or a language choice may stay idle before it is deleted (STATE_TTL_DAYS).')
@minValue(1)
@maxValue(3650)
param stateTtlDays int = 30

param location string = resourceGroup().location

// Storage account names: 3-24 lowercase letters and digits, unique across Azure.
var storageAccountName = toLower(take('${replace(resourceBaseName, '-', '')}${uniqueString(resourceGroup().id)}', 24))
// Built-in role "Storage Blob Data Contributor": read, write and delete blobs and containers.
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    // The bot signs in with the managed identity: account keys and SAS built on them are refused.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    accessTier: 'Hot'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: blobContainerName
  properties: {
    publicAccess: 'None'
  }
}

// On the account, which holds nothing but this container: the bot also creates the container if it is
// missing (createIfNotExists), which a role on the container alone may not cover.
resource stateWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Any instance can take any message (state is in Blob, eTag-checked): no sticky sessions.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      alwaysOn: true
      // 503 while storage is unreachable: App Service takes the instance out of rotation until it recovers.
      healthCheckPath: '/readyz'
      // The bundle is built already and its folder is read-only: `npm start` would try to build it again.
      appCommandLine: 'node --no-deprecation dist/src/index.js'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'STORAGE', value: 'blob' }
        { name: 'BLOB_ACCOUNT_URL', value: storage.properties.primaryEndpoints.blob }
        { name: 'BLOB_CONTAINER', value: blobContainerName }
        // The identity @azure/identity asks App Service's identity endpoint for, for the storage tokens.
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'STATE_TTL_DAYS', value: string(stateTtlDays) }
      ]
    }
  }
  dependsOn: [
    stateWriter
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Written by the Agents Toolkit into env/.env.<environment> (arm/deploy), and read by later steps.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BLOB_ACCOUNT_URL string = storage.properties.primaryEndpoints.blob
