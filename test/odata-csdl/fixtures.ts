// RESO-style $metadata fixtures, written for these tests. Their structure follows the RESO Data
// Dictionary 2.0 reference EDMX (RESOStandards/transport references/dd/edmx/dd-2.0-lookup-resource.xml
// and dd-2.0-enum.xml, RESO EULA: structure only, no text copied): namespace org.reso.metadata,
// enums in org.reso.metadata.enums, RESO.OData.Metadata.LookupName annotations on string lookups,
// Collection(Edm.String) multi-lookups, NavigationPropertyBinding in the container.

/** Enum-style and string-lookup-style fields side by side, plus the OData features a parser must keep. */
export const RESO_CSDL = `<?xml version="1.0" encoding="UTF-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml">
    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/>
  </edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="org.reso.metadata" Alias="RESO" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="Property">
        <Key>
          <PropertyRef Name="ListingKey"/>
        </Key>
        <Property Name="ListingKey" Type="Edm.String" MaxLength="255" Nullable="false"/>
        <Property Name="ListingId" Type="Edm.String" MaxLength="255"/>
        <Property Name="ListPrice" Type="Edm.Decimal" Precision="14" Scale="2">
          <Annotation Term="RESO.OData.Metadata.DisplayName" String="List Price"/>
          <Annotation Term="Core.Description">
            <String>The current price of the property as determined by the seller &amp; the seller's broker.</String>
          </Annotation>
        </Property>
        <Property Name="StandardStatus" Type="org.reso.metadata.enums.StandardStatus">
          <Annotation Term="RESO.OData.Metadata.StandardName" String="Standard Status"/>
        </Property>
        <Property Name="MlsStatus" Type="Edm.String" MaxLength="50">
          <Annotation Term="RESO.OData.Metadata.LookupName" String="MlsStatus"/>
        </Property>
        <Property Name="AccessibilityFeatures" Type="Collection(Edm.String)" Nullable="false" MaxLength="50">
          <Annotation Term="RESO.OData.Metadata.LookupName" String="AccessibilityFeatures"/>
        </Property>
        <Property Name="Appliances" Type="Collection(Enums.Appliances)"/>
        <Property Name="BedroomsTotal" Type="Edm.Int32" DefaultValue="0"/>
        <Property Name="Latitude" Type="Edm.Decimal" Precision="12" Scale="variable"/>
        <Property Name="ModificationTimestamp" Type="Edm.DateTimeOffset" Precision="27"/>
        <Property Name="ListingContractDate" Type="Edm.Date"/>
        <Property Name="WaterfrontYN" Type="Edm.Boolean"/>
        <Property Name="PublicRemarks" Type="Edm.String" MaxLength="max"/>
        <Property Name="VendorThing" Type="Vendor.Widget" MaxLength="12"/>
        <NavigationProperty Name="Media" Type="Collection(org.reso.metadata.Media)" ContainsTarget="false"/>
        <NavigationProperty Name="ListAgent" Type="org.reso.metadata.Member" Partner="Listings" Nullable="true">
          <ReferentialConstraint Property="ListAgentKey" ReferencedProperty="MemberKey"/>
        </NavigationProperty>
      </EntityType>
      <EntityType Name="Member">
        <Key><PropertyRef Name="MemberKey"/></Key>
        <Property Name="MemberKey" Type="Edm.String" MaxLength="255"/>
        <Property Name="MemberMlsId" Type="Edm.String" MaxLength="25"/>
        <NavigationProperty Name="Listings" Type="Collection(org.reso.metadata.Property)" Partner="ListAgent"/>
      </EntityType>
      <EntityType Name="Media">
        <Key><PropertyRef Name="MediaKey"/></Key>
        <Property Name="MediaKey" Type="Edm.String" MaxLength="255"/>
        <Property Name="MediaURL" Type="Edm.String" MaxLength="8000"/>
        <Property Name="Order" Type="Edm.Int32"/>
      </EntityType>
      <EntityType Name="Lookup">
        <Key><PropertyRef Name="LookupKey"/></Key>
        <Property Name="LookupKey" Type="Edm.String"/>
        <Property Name="LookupName" Type="Edm.String"/>
        <Property Name="LookupValue" Type="Edm.String"/>
        <Property Name="StandardLookupValue" Type="Edm.String"/>
        <Property Name="LegacyODataValue" Type="Edm.String"/>
        <Property Name="ModificationTimestamp" Type="Edm.DateTimeOffset"/>
      </EntityType>
      <Function Name="Ping"><Parameter Name="Echo" Type="Edm.String"/><ReturnType Type="Edm.String"/></Function>
      <ComplexType Name="Address">
        <Property Name="City" Type="Edm.String"/>
      </ComplexType>
      <EntityContainer Name="Default">
        <EntitySet Name="Property" EntityType="org.reso.metadata.Property">
          <NavigationPropertyBinding Path="Media" Target="Media"/>
          <NavigationPropertyBinding Path="ListAgent" Target="Member"/>
        </EntitySet>
        <EntitySet Name="Member" EntityType="RESO.Member"/>
        <EntitySet Name="Media" EntityType="org.reso.metadata.Media"/>
        <EntitySet Name="Lookup" EntityType="org.reso.metadata.Lookup"/>
        <FunctionImport Name="Ping" Function="org.reso.metadata.Ping"/>
      </EntityContainer>
      <Annotations Target="RESO.Property/ListingId">
        <Annotation Term="RESO.OData.Metadata.DisplayName" String="MLS #"/>
        <Annotation Term="Vendor.Hint" Qualifier="Phone">
          <Record><PropertyValue Property="Width" Int="12"/></Record>
        </Annotation>
      </Annotations>
      <Annotations Target="org.reso.metadata.Nowhere/Field">
        <Annotation Term="Core.Description" String="dangling"/>
      </Annotations>
    </Schema>
    <Schema Namespace="org.reso.metadata.enums" Alias="Enums" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="StandardStatus">
        <Member Name="Active" Value="0"/>
        <Member Name="ActiveUnderContract" Value="1">
          <Annotation Term="RESO.OData.Metadata.StandardName" String="Active Under Contract"/>
        </Member>
        <Member Name="Closed" Value="2"><Annotation Term="RESO.OData.Metadata.DisplayName" String="Sold"/></Member>
      </EnumType>
      <EnumType Name="Appliances" UnderlyingType="Edm.Int64" IsFlags="true">
        <Member Name="Dishwasher" Value="1"/>
        <Member Name="Dryer" Value="2"/>
        <Member Name="Refrigerator" Value="4"/>
      </EnumType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;

/** The same shapes in CSDL JSON (OData CSDL JSON 4.01), as a server that answers $metadata with JSON sends it. */
export const RESO_CSDL_JSON = JSON.stringify({
  $Version: '4.01',
  $EntityContainer: 'org.reso.metadata.Default',
  $Reference: { 'https://example.org/Core.json': { $Include: [{ $Namespace: 'Org.OData.Core.V1', $Alias: 'Core' }] } },
  'org.reso.metadata': {
    Property: {
      $Kind: 'EntityType', $Key: ['ListingKey'],
      ListingKey: { $MaxLength: 255 },
      ListingId: { $Nullable: true, $MaxLength: 255, '@RESO.OData.Metadata.DisplayName': 'MLS #' },
      ListPrice: { $Type: 'Edm.Decimal', $Nullable: true, $Precision: 14, $Scale: 2, '@Core.Description': 'The price' },
      StandardStatus: { $Type: 'org.reso.metadata.enums.StandardStatus', $Nullable: true },
      MlsStatus: { $Nullable: true, '@RESO.OData.Metadata.LookupName': 'MlsStatus' },
      AccessibilityFeatures: { $Collection: true, '@RESO.OData.Metadata.LookupName': 'AccessibilityFeatures' },
      Media: { $Kind: 'NavigationProperty', $Type: 'org.reso.metadata.Media', $Collection: true },
    },
    Media: { $Kind: 'EntityType', $Key: ['MediaKey'], MediaKey: {}, MediaURL: { $Nullable: true } },
    Default: {
      $Kind: 'EntityContainer',
      Property: { $Collection: true, $Type: 'org.reso.metadata.Property', $NavigationPropertyBinding: { Media: 'Media' } },
      Media: { $Collection: true, $Type: 'org.reso.metadata.Media' },
    },
    $Annotations: { 'org.reso.metadata.Property/ListingKey': { '@Core.Description': 'The key' } },
  },
  'org.reso.metadata.enums': {
    StandardStatus: { $Kind: 'EnumType', Active: 0, ActiveUnderContract: 1, 'ActiveUnderContract@RESO.OData.Metadata.StandardName': 'Active Under Contract' },
  },
});

/** Lookup resource rows, as a string-lookup server returns them from /Lookup. */
export const LOOKUP_ROWS_JSON = JSON.stringify({
  '@odata.context': 'https://api.example.org/reso/odata/$metadata#Lookup',
  value: [
    { LookupKey: 'L1', LookupName: 'MlsStatus', LookupValue: 'Active', StandardLookupValue: 'Active', LegacyODataValue: 'Active', ModificationTimestamp: '2024-01-02T03:04:05Z' },
    { LookupKey: 'L2', LookupName: 'MlsStatus', LookupValue: 'Back On Market', StandardLookupValue: 'Active', LegacyODataValue: null, ModificationTimestamp: '2024-01-02T03:04:05Z' },
    { LookupKey: 'L3', LookupName: 'AccessibilityFeatures', LookupValue: 'Accessible Approach with Ramp', StandardLookupValue: 'Accessible Approach with Ramp', LegacyODataValue: 'AccessibleApproachWithRamp', ModificationTimestamp: '2024-01-02T03:04:05Z' },
  ],
});

/** A CSDL the size of the Data Dictionary 2.0 reference: `fields` properties over several entity types, `values` enum members. */
export function bigCsdl(fields: number, values: number, style: 'enum' | 'lookup-resource' = 'enum'): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">\n<edmx:DataServices>\n',
    '<Schema Namespace="org.reso.metadata" xmlns="http://docs.oasis-open.org/odata/ns/edm">\n'];
  const types = 20;
  const enums = Math.max(1, Math.floor(values / 20));
  const sets: string[] = [];
  let f = 0;
  for (let t = 0; t < types; t++) {
    const n = Math.floor(fields / types) + (t < fields % types ? 1 : 0);
    out.push(`<EntityType Name="Resource${t}">\n<Key><PropertyRef Name="Resource${t}Key"/></Key>\n<Property Name="Resource${t}Key" Type="Edm.String" MaxLength="255"/>\n`);
    for (let i = 1; i < n; i++, f++) {
      const kind = f % 4;
      if (kind === 0 && style === 'enum') out.push(`<Property Name="Field${f}" Type="${f % 8 === 0 ? 'Collection(' : ''}org.reso.metadata.enums.Enum${(f / 4) % enums}${f % 8 === 0 ? ')' : ''}">\n<Annotation Term="RESO.OData.Metadata.StandardName" String="Field &amp; ${f}"/>\n</Property>\n`);
      else if (kind === 0) out.push(`<Property Name="Field${f}" Type="Edm.String" MaxLength="50">\n<Annotation Term="RESO.OData.Metadata.LookupName" String="Enum${(f / 4) % enums}"/>\n</Property>\n`);
      else if (kind === 1) out.push(`<Property Name="Field${f}" Type="Edm.Decimal" Precision="14" Scale="2"/>\n`);
      else if (kind === 2) out.push(`<Property Name="Field${f}" Type="Edm.DateTimeOffset"><Annotation Term="Core.Description" String="When field ${f} changed, as the system of record says."/></Property>\n`);
      else out.push(`<Property Name="Field${f}" Type="Edm.String" MaxLength="255"/>\n`);
    }
    out.push(`<NavigationProperty Name="Media" Type="Collection(org.reso.metadata.Resource0)"/>\n</EntityType>\n`);
    sets.push(`<EntitySet Name="Resource${t}" EntityType="org.reso.metadata.Resource${t}"><NavigationPropertyBinding Path="Media" Target="Resource0"/></EntitySet>\n`);
  }
  out.push(`<EntityContainer Name="Default">\n${sets.join('')}</EntityContainer>\n</Schema>\n`);
  out.push('<Schema Namespace="org.reso.metadata.enums" xmlns="http://docs.oasis-open.org/odata/ns/edm">\n');
  let v = 0;
  for (let e = 0; e < enums; e++) {
    out.push(`<EnumType Name="Enum${e}">\n`);
    const n = Math.floor(values / enums) + (e < values % enums ? 1 : 0);
    for (let i = 0; i < n; i++, v++) out.push(`<Member Name="Value${v}" Value="${i}">\n<Annotation Term="RESO.OData.Metadata.StandardName" String="Value ${v}"/>\n</Member>\n`);
    out.push('</EnumType>\n');
  }
  out.push('</Schema>\n</edmx:DataServices>\n</edmx:Edmx>\n');
  return out.join('');
}

/**
 * Vendor quirks seen in real $metadata captured by RESO's Web API Commander
 * (RESOStandards/web-api-commander, metadata/REQ-WA103-END3_Metadata_MLSGrid_MLSGrid.xml, MIT
 * licence; rewritten small here, not copied): the container in its own schema, entity sets whose
 * type is not declared, an Annotation without Term, enum schema "Enums" without alias, member
 * names that are not identifiers, a flags enum on a single-valued property, MaxLength on dates,
 * and the DD resource name given by a StandardName annotation on a vendor-named type.
 */
export const VENDOR_QUIRKS_CSDL = `<?xml version="1.0" encoding="UTF-8"?><edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0"><edmx:DataServices>
<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="ODataService"><EntityType Name="PropertyResi" OpenType="true"><Key><PropertyRef Name="ListingKey"/></Key>
<Property Name="ListingKey" Type="Edm.String" Nullable="false" MaxLength="255"><Annotation Term="Org.OData.Core.V1.Computed" Bool="true"/><Annotation Term="UI.ControlHint"/></Property>
<Property Name="CloseDate" Type="Edm.Date" MaxLength="10"/><Property Name="BedroomsTotal" Type="Edm.Byte" Precision="3"/>
<Property Name="Roof" Type="Enums.Roof" MaxLength="1024"/><Property Name="ImageSize" Type="Enums.ImageSizeDescription"/>
<Property Name="MlgModificationTimestamp" Type="Edm.DateTimeOffset" Precision="27"><Annotation/></Property>
<Annotation Term="UI.DisplayName" String="property_resi"/><Annotation Term="RESO.OData.Metadata.StandardName" String="Property"/></EntityType></Schema>
<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="Default"><EntityContainer Name="Container"><EntitySet Name="DataSystem" EntityType="ODataService.DataSystem"/><EntitySet Name="PropertyResi" EntityType="ODataService.PropertyResi"/></EntityContainer></Schema>
<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="Enums"><EnumType Name="Roof" UnderlyingType="Edm.Int64" IsFlags="true"><Member Name="AsphaltGlassRolled" Value="1"><Annotation Term="RESO.OData.Metadata.StandardName" String="Asphalt/Glass (Rolled)"/></Member><Member Name="Metal" Value="64"/></EnumType>
<EnumType Name="ImageSizeDescription" UnderlyingType="Edm.Int64"><Member Name="1440x1080" Value="1"/><Member Name="undefinedxundefined" Value="3"/></EnumType></Schema>
</edmx:DataServices></edmx:Edmx>`;
